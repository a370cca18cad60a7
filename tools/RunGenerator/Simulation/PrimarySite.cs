namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// One class of a generated run: a primary-site code as cancer registries assign them to pathology reports.
/// </summary>
/// <param name="Code">The class name, e.g. <c>C50.4</c>.</param>
/// <param name="Frequency">Relative share of reports with this site (unnormalised), which makes class sizes uneven.</param>
/// <param name="SitePhrase">How a report names the site, e.g. "upper outer quadrant of left breast".</param>
/// <param name="TellingWords">Words of <paramref name="SitePhrase"/> that give the class away; the attention favours them.</param>
/// <param name="Histology">The tumour type usually reported with the site; shared by many sites, so only mildly telling.</param>
public sealed record PrimarySite(
    string Code,
    double Frequency,
    string SitePhrase,
    IReadOnlyList<string> TellingWords,
    string Histology);
