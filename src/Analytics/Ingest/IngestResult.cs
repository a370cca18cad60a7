namespace ClassVisCloud.Analytics.Ingest;

/// <summary>What one ingestor did with one blob. <paramref name="Conflict"/> names the blob that must be deleted first (state <see cref="IngestState.Conflict"/>).</summary>
public sealed record IngestResult(IngestState State, string? Reason, int Samples = 0, string? Conflict = null)
{
    /// <summary>Where the time went, for the ingests that measure it (predictions files).</summary>
    public IngestStages? Stages { get; init; }

    public static IngestResult Ingested(int samples) => new(IngestState.Ingested, null, samples);
    public static IngestResult Rejected(string reason, string? conflict = null) => new(conflict is null ? IngestState.Rejected : IngestState.Conflict, reason, 0, conflict);
    public static IngestResult Ignored(string reason) => new(IngestState.Ignored, reason);
    public static IngestResult Retrying(string reason) => new(IngestState.Retrying, reason);

    /// <summary>The blob needs another one ingested first, whose ingest brings it back.</summary>
    public static IngestResult WaitingFor(string reason) => new(IngestState.Waiting, reason);

    /// <summary>The blob changed or vanished while we read it: its newer version has an ingest of its own.</summary>
    public static readonly IngestResult Superseded = Ignored("the blob changed or was deleted during the ingest; its newer version is ingested on its own");
}
