namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// Writes the short pathology report behind a sample: a few routine sentences around one or two that name
/// the site and the histology. The text describes the sample's apparent class (so a noisy label contradicts
/// its own report), and a confused-pair sample that the model never gets right also mentions the other site.
/// </summary>
public static class PathologyReport
{
    public const float TellingRelevance = 3f;
    public const float PartnerRelevance = 2f;
    public const float HistologyRelevance = 1f;

    private static readonly string[] Routine =
    [
        "specimen received in formalin labeled with the patient name",
        "clinical history not provided",
        "gross description the specimen consists of several fragments of tan soft tissue",
        "sections are entirely submitted in two cassettes",
        "margins of resection are free of tumor",
        "lymphovascular invasion is not identified",
        "immunohistochemical stains were performed with appropriate controls",
        "the findings were discussed with the clinician",
        "frozen section diagnosis deferred to permanent sections",
        "the tumor measures two cm in greatest dimension",
        "regional lymph nodes are negative for malignancy",
        "microscopic examination confirms the diagnosis",
        "electronically signed by the attending pathologist",
        "additional levels were examined",
    ];

    // {0} = site phrase, {1} = histology
    private static readonly string[] SiteTemplates =
    [
        "FINAL DIAGNOSIS {0} {1}",
        "{0} biopsy shows {1}",
        "specimen labeled {0} received fresh",
        "{1} involving the {0}",
    ];

    private const string PartnerTemplate = "clinical note also mentions {0}";

    public static IReadOnlyList<ReportSentence> Compose(SyntheticRun run, int sample)
    {
        var random = new CounterRandom(run.Spec.Seed, RandomPurpose.Document, sample);
        var site = run.Classes[run.ApparentClass(sample)];
        var sentences = new List<ReportSentence>();

        // Distinct routine sentences (a partial shuffle), as a report does not repeat itself.
        var routine = Enumerable.Range(0, Routine.Length).ToArray();
        var routineCount = 2 + random.NextInt(4);
        for (var s = 0; s < routineCount; s++)
        {
            var pick = s + random.NextInt(routine.Length - s);
            (routine[s], routine[pick]) = (routine[pick], routine[s]);
            sentences.Add(Annotate(Routine[routine[s]], site, partner: null));
        }

        var siteSentences = 1 + random.NextInt(2);
        for (var s = 0; s < siteSentences; s++)
        {
            var text = string.Format(SiteTemplates[random.NextInt(SiteTemplates.Length)], site.SitePhrase, site.Histology);
            sentences.Insert(random.NextInt(sentences.Count + 1), Annotate(text, site, partner: null));
        }

        var partnerIndex = run.PartnerOf(run.ApparentClass(sample));
        if (partnerIndex >= 0 && run.Hardness(sample) > 1)
        {
            var partner = run.Classes[partnerIndex];
            var text = string.Format(PartnerTemplate, partner.SitePhrase);
            sentences.Insert(random.NextInt(sentences.Count + 1), Annotate(text, site, partner));
        }
        return sentences;
    }

    private static ReportSentence Annotate(string text, PrimarySite site, PrimarySite? partner)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var histology = site.Histology.Split(' ');
        var relevance = tokens.Select(token =>
            site.TellingWords.Contains(token) ? TellingRelevance
            : partner?.TellingWords.Contains(token) == true ? PartnerRelevance
            : histology.Contains(token) ? HistologyRelevance
            : 0f).ToArray();
        return new ReportSentence(tokens, relevance);
    }
}
