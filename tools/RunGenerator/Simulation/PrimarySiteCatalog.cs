using System.Globalization;

namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// The class names of generated runs: the primary sites of the paper first (C34.9, C50.4, C50.8, C50.9,
/// C18.7, C61), then other common topography codes, then, for very large C, codes generated in order.
/// </summary>
public static class PrimarySiteCatalog
{
    /// <summary>Enough for every code from C00.0 to C99.9.</summary>
    public const int MaxClasses = 1000;

    // code | relative frequency | site phrase | telling words | histology
    private static readonly string[] Table =
    [
        "C34.9|9|lung pulmonary parenchyma|lung pulmonary|adenocarcinoma",
        "C50.4|5|upper outer quadrant of left breast|upper outer quadrant|invasive ductal carcinoma",
        "C50.8|4.5|overlapping lesion of breast multifocal|overlapping multifocal|invasive ductal carcinoma",
        "C50.9|10|breast mastectomy|breast mastectomy|invasive ductal carcinoma",
        "C18.7|4|sigmoid colon|sigmoid colon|adenocarcinoma",
        "C61|8|prostate needle cores|prostate needle|acinar adenocarcinoma gleason score",
        "C67.9|4|urinary bladder transurethral resection|bladder transurethral|urothelial carcinoma",
        "C34.1|4|lobe of lung lobectomy|lobe lobectomy|squamous cell carcinoma",
        "C20.9|3|rectal biopsy of rectum|rectum rectal|adenocarcinoma",
        "C64.9|3|kidney radical nephrectomy|kidney nephrectomy|clear cell renal cell carcinoma",
        "C73.9|3|thyroid gland thyroidectomy|thyroid thyroidectomy|papillary carcinoma",
        "C44.9|3|skin shave biopsy|skin shave|melanoma",
        "C54.1|3|endometrium endometrial curettings|endometrium endometrial|endometrioid adenocarcinoma",
        "C34.3|3|wedge resection of lung|wedge|adenocarcinoma",
        "C18.0|2|cecum right hemicolectomy|cecum hemicolectomy|adenocarcinoma",
        "C25.9|2|pancreas whipple specimen|pancreas whipple|ductal adenocarcinoma",
        "C16.9|2|stomach gastric body|stomach gastric|adenocarcinoma",
        "C56.9|2|ovary oophorectomy|ovary oophorectomy|serous carcinoma",
        "C50.2|2|upper inner quadrant of right breast|inner|invasive lobular carcinoma",
        "C53.9|1.5|cervix uteri cone biopsy|cervix cone|squamous cell carcinoma",
        "C71.9|1.5|brain stereotactic biopsy|brain stereotactic|glioblastoma",
        "C22.0|1.5|liver hepatic segment|liver hepatic|hepatocellular carcinoma",
        "C18.2|1.5|ascending colon|ascending|adenocarcinoma",
        "C42.1|1.5|bone marrow core biopsy|marrow|plasma cell neoplasm",
        "C15.5|1.2|distal esophagus esophageal mucosa|esophagus esophageal|adenocarcinoma",
        "C19.9|1.2|rectosigmoid junction|rectosigmoid junction|adenocarcinoma",
        "C50.1|1.2|central portion of breast subareolar|central subareolar|invasive ductal carcinoma",
        "C77.0|1|cervical lymph nodes neck dissection|cervical neck|metastatic carcinoma",
        "C18.4|1|transverse colon|transverse|adenocarcinoma",
        "C18.6|1|descending colon|descending|adenocarcinoma",
        "C80.9|1|unknown primary site metastasis|unknown metastasis|poorly differentiated carcinoma",
        "C44.3|0.9|skin of face cheek|face cheek|basal cell carcinoma",
        "C62.9|0.8|testis orchiectomy|testis orchiectomy|seminoma",
        "C32.0|0.8|glottis vocal cord|glottis vocal|squamous cell carcinoma",
        "C25.0|0.8|head of pancreas|head|ductal adenocarcinoma",
        "C44.5|0.8|skin of trunk back|trunk back|basal cell carcinoma",
        "C01.9|0.6|base of tongue|tongue|squamous cell carcinoma",
        "C09.9|0.6|tonsil tonsillectomy|tonsil tonsillectomy|squamous cell carcinoma",
        "C07.9|0.6|parotid gland parotidectomy|parotid parotidectomy|mucoepidermoid carcinoma",
        "C23.9|0.6|gallbladder cholecystectomy|gallbladder cholecystectomy|adenocarcinoma",
        "C16.0|0.6|gastric cardia gastroesophageal junction|cardia gastroesophageal|adenocarcinoma",
        "C44.6|0.6|skin of upper arm|arm|melanoma",
        "C44.7|0.6|skin of lower leg|leg|melanoma",
        "C34.2|0.6|middle lobe of right lung|middle|adenocarcinoma",
        "C67.2|0.6|lateral wall of bladder|lateral wall|urothelial carcinoma",
        "C34.0|0.5|main bronchus endobronchial|bronchus endobronchial|small cell carcinoma",
        "C38.4|0.5|pleura pleural|pleura pleural|mesothelioma",
        "C49.9|0.5|connective tissue of thigh|connective thigh|sarcoma",
        "C55.9|0.5|uterus corpus|uterus corpus|leiomyosarcoma",
        "C18.3|0.5|hepatic flexure|flexure|adenocarcinoma",
        "C71.1|0.5|frontal lobe of brain|frontal|glioblastoma",
        "C11.9|0.4|nasopharynx nasopharyngeal|nasopharynx nasopharyngeal|nonkeratinizing carcinoma",
        "C17.0|0.4|duodenum duodenal|duodenum duodenal|adenocarcinoma",
        "C21.0|0.4|anus anal canal|anus anal|squamous cell carcinoma",
        "C24.0|0.4|extrahepatic bile duct|bile duct|cholangiocarcinoma",
        "C48.0|0.4|retroperitoneum retroperitoneal mass|retroperitoneum retroperitoneal|liposarcoma",
        "C70.0|0.4|cerebral meninges meningeal|meninges meningeal|meningioma",
        "C18.5|0.4|splenic flexure|splenic|adenocarcinoma",
        "C16.3|0.4|gastric antrum|antrum|adenocarcinoma",
        "C71.2|0.4|temporal lobe of brain|temporal|astrocytoma",
        "C22.1|0.4|intrahepatic bile duct|intrahepatic|cholangiocarcinoma",
        "C32.9|0.4|larynx laryngectomy|larynx laryngectomy|squamous cell carcinoma",
        "C30.0|0.3|nasal cavity|nasal|squamous cell carcinoma",
        "C40.2|0.3|femur long bone|femur|osteosarcoma",
        "C41.2|0.3|vertebral column vertebra|vertebral vertebra|chordoma",
        "C51.9|0.3|vulva vulvectomy|vulva vulvectomy|squamous cell carcinoma",
        "C65.9|0.3|renal pelvis|pelvis|urothelial carcinoma",
        "C66.9|0.3|ureter ureteral|ureter ureteral|urothelial carcinoma",
        "C75.1|0.3|pituitary gland sella|pituitary sella|pituitary adenoma",
        "C50.0|0.3|nipple areola|nipple areola|paget disease",
        "C25.2|0.3|tail of pancreas distal pancreatectomy|tail pancreatectomy|neuroendocrine tumor",
        "C10.9|0.3|oropharynx oropharyngeal wall|oropharynx oropharyngeal|squamous cell carcinoma",
        "C42.2|0.3|spleen splenectomy|spleen splenectomy|lymphoma",
        "C57.0|0.3|fallopian tube salpingectomy|fallopian salpingectomy|serous carcinoma",
        "C06.9|0.3|oral cavity floor of mouth|mouth oral|squamous cell carcinoma",
        "C47.9|0.2|peripheral nerve|nerve|schwannoma",
        "C52.9|0.2|vagina vaginal wall|vagina vaginal|squamous cell carcinoma",
        "C60.9|0.2|penis penectomy|penis penectomy|squamous cell carcinoma",
        "C72.0|0.2|spinal cord|spinal cord|ependymoma",
        "C74.0|0.2|adrenal cortex adrenalectomy|adrenal adrenalectomy|adrenocortical carcinoma",
        "C13.9|0.2|hypopharynx pyriform sinus|hypopharynx pyriform|squamous cell carcinoma",
        "C31.0|0.2|maxillary sinus|maxillary|squamous cell carcinoma",
        "C37.9|0.2|thymus anterior mediastinum|thymus mediastinum|thymoma",
        "C69.2|0.1|retina retinal|retina retinal|retinoblastoma",
        "C63.0|0.1|epididymis|epididymis|adenomatoid tumor",
        "C68.0|0.1|urethra urethral|urethra urethral|urothelial carcinoma",
        "C69.6|0.1|orbit orbital|orbit orbital|lymphoma",
    ];

    // Word parts for the sites of generated codes: "paranodal", "infrahilar", ...
    private static readonly string[] Prefixes = ["para", "infra", "supra", "peri", "retro", "sub", "intra", "epi"];
    private static readonly string[] Roots = ["nodal", "hilar", "mural", "ductal", "glandular", "osseous", "vesical", "fascial", "capsular", "serosal", "mucosal", "neural"];

    private static readonly Lazy<IReadOnlyList<PrimarySite>> Known = new(() => Table.Select(Parse).ToArray());

    /// <summary>The catalogue's own sites, in the order classes are taken from it.</summary>
    public static IReadOnlyList<PrimarySite> KnownSites => Known.Value;

    /// <summary>The first <paramref name="count"/> classes; the same list for the same count, always.</summary>
    public static IReadOnlyList<PrimarySite> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxClasses);
        var sites = new List<PrimarySite>(count);
        sites.AddRange(KnownSites.Take(count));
        if (sites.Count < count)
            sites.AddRange(GeneratedSites(count - sites.Count));
        return sites;
    }

    private static IEnumerable<PrimarySite> GeneratedSites(int count)
    {
        var taken = KnownSites.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        for (var code = 0; code < MaxClasses && index < count; code++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"C{code / 10:00}.{code % 10}");
            if (taken.Contains(name))
                continue;
            var word = GeneratedWord(index);
            // Rare sites: a long tail of small classes, as in registry data.
            var frequency = 0.02 + 0.25 * Math.Pow(0.97, index);
            yield return new PrimarySite(name, frequency, $"{word} region", [word], "carcinoma");
            index++;
        }
    }

    private static string GeneratedWord(int index)
    {
        var combinations = Prefixes.Length * Roots.Length;
        var word = Prefixes[index % Prefixes.Length] + Roots[index / Prefixes.Length % Roots.Length];
        var round = index / combinations;
        return round == 0 ? word : word + (round + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static PrimarySite Parse(string line)
    {
        var parts = line.Split('|');
        return new PrimarySite(
            parts[0],
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2],
            parts[3].Split(' '),
            parts[4]);
    }
}
