namespace ClassVisCloud.Analytics.Ingest;

/// <summary>What happened to one blob (name + ETag): the ingests route serves these, newest first.</summary>
public sealed record IngestRecord(
    string Blob,
    string ETag,
    IngestState State,
    string? Reason,
    string? Run,
    long? Epoch,
    int Samples,
    long Milliseconds,
    DateTimeOffset At,
    IReadOnlyList<IngestStage> Stages)
{
    /// <summary>The outcome as the ingests route shows it: ingested, rejected, ignored or retrying.</summary>
    public string Outcome => State.Outcome();
}
