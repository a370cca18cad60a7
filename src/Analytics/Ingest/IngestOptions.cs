namespace ClassVisCloud.Analytics.Ingest;

/// <summary>How ingests share the work: the length of a worker's lease on a blob (setting <c>IngestLeaseSeconds</c>).</summary>
public sealed record IngestOptions
{
    /// <summary>
    /// Short, so that the work of a worker that died (out of memory, a kill, a scale-in) is taken over within
    /// a minute; renewed every third of it while the ingest goes on, so a long ingest keeps it.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Leases shorter than this could lapse between two renewals on a busy machine.</summary>
    public static readonly TimeSpan MinLease = TimeSpan.FromSeconds(3);
}
