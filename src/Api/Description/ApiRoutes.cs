namespace ClassVisCloud.Api;

/// <summary>
/// The routes of the API, for its description (<see cref="ApiDescription"/>). The Functions app's [HttpTrigger]
/// attributes are the routes served; a test holds this list to them (tests/Integration.Tests, ApiDescriptionRoutesTests).
/// </summary>
public static class ApiRoutes
{
    static readonly ApiParameter Run = new("run", ParameterIn.Path, "the run: 1–63 characters of A-Z a-z 0-9 . _ -, not starting with '.'");
    static readonly ApiParameter Epoch = new("epoch", ParameterIn.Path, "the epoch number", """{"type":"integer","minimum":0}""");
    static readonly ApiParameter SampleId = new("sampleId", ParameterIn.Path,
        "the sample id; '/' sent as %2F, and an id of one or two dots (or of '~'s then one or two dots) with one more '~' in front");
    static readonly ApiParameter Split = new("split", ParameterIn.Query, "the split; omitted: validation if the run has it, else its first split in ordinal order");
    static readonly ApiParameter Format = new("format", ParameterIn.Query, "json (default) or arrow (an Apache Arrow IPC stream of the same columns)",
        """{"type":"string","enum":["json","arrow"],"default":"json"}""");

    static readonly ApiParameter DynamicsColumns = new("columns", ParameterIn.Query,
        "only these columns, a comma list of " + string.Join(", ", DynamicsColumnSet.Names) + " (split and epoch always come); omitted: every column. "
        + "The rows are the epoch's samples in the samples route's order, so an answer without sampleId lines up with that route's",
        $$"""{"type":"string","pattern":"^({{string.Join("|", DynamicsColumnSet.Names)}})(,({{string.Join("|", DynamicsColumnSet.Names)}}))*$"}""");

    static readonly ApiParameter ExportRun = new("run", ParameterIn.Query, "the run; omitted: every run, in one file");
    static readonly ApiParameter ExportEpoch = new("epoch", ParameterIn.Query, "the epoch; omitted: every epoch", """{"type":"integer","minimum":0}""");

    /// <summary>A CSV export for Power BI and spreadsheets (RFC 4180, UTF-8, a header row, invariant culture).</summary>
    static ApiRoute Export(string file, string name, string rows, IReadOnlyList<ApiParameter> parameters) =>
        new("get", $"export/{file}.csv", name, $"CSV for Power BI and spreadsheets, {rows}", typeof(string), parameters, Csv: true);

    static ApiParameter Count(string name, string description, int fallback, int max) =>
        new(name, ParameterIn.Query, description, $$"""{"type":"integer","minimum":1,"maximum":{{max}},"default":{{fallback}}}""");

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("get", "runs", "ListRuns", "every run: name, classes, epochs, last epoch, samples, updated, status", typeof(RunList), []),
        new("get", "runs/{run}", "GetRun", "a run's classes, splits, score kind, manifest state and every epoch's status and per-split figures",
            typeof(RunDetail), [Run]),
        new("get", "ingests", "ListIngests", "every blob seen, newest first: its outcome, reason, samples and time", typeof(IngestList),
            [new("run", ParameterIn.Query, "only this run's blobs"), Count("limit", "how many", 100, 1000)]),
        new("get", "runs/{run}/epochs/{epoch}/samples", "GetEpochSamples", "one entry per sample of the split in the epoch, as columns",
            typeof(EpochSampleColumns), [Run, Epoch, Split, Format], ETag: true, Arrow: true),
        new("get", "runs/{run}/epochs/{epoch}/classes", "GetEpochClasses", "per class: predicted, correct, labelled, mean score and score histogram",
            typeof(EpochClasses), [Run, Epoch, Split], ETag: true),
        new("get", "runs/{run}/epochs/{epoch}/confusion", "GetEpochConfusion", "the confusion matrix (rows = true class)",
            typeof(Confusion), [Run, Epoch, Split], ETag: true),
        new("post", "runs/{run}/epochs/{epoch}/scores", "PostEpochScores", "the full probability vectors of the ids asked for (at most 10,000 ids, a body of at most 1 MiB)",
            typeof(ScoresAnswer), [Run, Epoch], Body: typeof(ScoresRequest)),
        new("get", "runs/{run}/epochs/{epoch}/keywords", "GetEpochKeywords", "per predicted class, the tokens its attention weighs most",
            typeof(Keywords), [Run, Epoch, Split, Count("top", "keywords per class", 10, 1000)], ETag: true),
        new("get", "runs/{run}/samples/{sampleId}", "GetSampleHistory", "the sample's label and its outcome at every epoch",
            typeof(SampleHistory), [Run, SampleId, Split]),
        new("get", "runs/{run}/samples/{sampleId}/attention", "GetSampleAttention", "the sample's sentences and tokens with their attention weights (404 when the epoch has none)",
            typeof(Attention), [Run, SampleId, Split, new("epoch", ParameterIn.Query, "the epoch", """{"type":"integer","minimum":0}""")], ETag: true),
        new("get", "runs/{run}/epochs/{epoch}/dynamics", "GetEpochDynamics", "per sample, the training dynamics over the logged epochs ≤ epoch, as columns",
            typeof(EpochDynamicsColumns), [Run, Epoch, Split, Format, DynamicsColumns], ETag: true, Arrow: true),
        new("get", "runs/{run}/epochs/{epoch}/suspects", "GetEpochSuspects", "the suspected label issues (aum < 0) ranked by aum",
            typeof(SuspectList), [Run, Epoch, Split, Count("limit", "how many", 100, DynamicsApi.MaxSuspects)], ETag: true),
        new("get", "runs/{run}/confusion-over-time", "GetConfusionOverTime", "the off-diagonal pairs largest at the last epoch, with their count at every epoch",
            typeof(ConfusionOverTime), [Run, Split, Count("top", "how many pairs", 20, ConfusionApi.MaxPairs)], ETag: true),
        new("get", "runs/{run}/confusion-growth", "GetConfusionGrowth", "the pairs whose confusion grew most over the last k logged epochs",
            typeof(ConfusionGrowth), [Run, Split, Count("k", "how many logged epochs back", 5, 100_000), Count("top", "how many pairs", 20, ConfusionApi.MaxPairs)], ETag: true),
        Export("runs", "ExportRuns", "one row per run: run,name,classes,epochs,last_epoch,samples,status,updated", []),
        Export("classes", "ExportClasses", "the class dimension: run,class_index,class_name", [ExportRun]),
        Export("epochs", "ExportEpochs", "one row per run × epoch × split: run,epoch,split,status,samples,correct,accuracy,loss", [ExportRun]),
        Export("class-epochs", "ExportClassEpochs",
            "one row per run × epoch × split × class: run,epoch,split,class_index,class_name,labelled,predicted,correct,mean_score", [ExportRun]),
        Export("confusion", "ExportConfusion",
            "one row per non-zero cell: run,epoch,split,true_index,true_name,predicted_index,predicted_name,count", [ExportRun, ExportEpoch]),
        Export("suspects", "ExportSuspects",
            "the suspects route as rows: run,epoch,split,rank,sample_id,label_name,likely_name,aum,confidence,mispredictions",
            [ExportRun, ExportEpoch, Split, Count("limit", "how many suspects", Api.Export.ExportApi.DefaultSuspects, DynamicsApi.MaxSuspects)]),
        new("get", "openapi.json", "GetApiDescription", "this description of the API (OpenAPI 3.1)", typeof(object), []),
    ];
}
