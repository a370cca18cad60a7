namespace ClassVisCloud.Analytics.Ingest;

/// <summary>What one ingestor did with one blob. <paramref name="Conflict"/> names a blob that must be deleted first.</summary>
public sealed record IngestResult(string Outcome, string? Reason, int Samples = 0, string? Conflict = null, bool Waiting = false)
{
    /// <summary>Where the time went, for the ingests that measure it (predictions files).</summary>
    public IngestStages? Stages { get; init; }

    public static IngestResult Ingested(int samples) => new(IngestOutcome.Ingested, null, samples);
    public static IngestResult Rejected(string reason, string? conflict = null) => new(IngestOutcome.Rejected, reason, 0, conflict);
    public static IngestResult Ignored(string reason) => new(IngestOutcome.Ignored, reason);

    /// <summary>The blob changed or vanished while we read it: its newer version has an ingest of its own.</summary>
    public static readonly IngestResult Superseded = Ignored("the blob changed or was deleted during the ingest; its newer version is ingested on its own");
}
