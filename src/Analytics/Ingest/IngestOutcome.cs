namespace ClassVisCloud.Analytics.Ingest;

public static class IngestOutcome
{
    public const string Ingested = "ingested";
    public const string Rejected = "rejected";
    public const string Ignored = "ignored";
    public const string Retrying = "retrying";
    /// <summary>Ledger-only: a worker has claimed the blob and is ingesting it now.</summary>
    public const string Processing = "processing";

    public static bool IsFinal(string? outcome) => outcome is Ingested or Rejected or Ignored;
}

/// <summary>What happened to one blob (name + ETag): the ingests route serves these, newest first.</summary>
public sealed record IngestRecord(
    string Blob,
    string ETag,
    string Outcome,
    string? Reason,
    string? Run,
    long? Epoch,
    int Samples,
    long Milliseconds,
    DateTimeOffset At,
    IReadOnlyList<IngestStage> Stages);
