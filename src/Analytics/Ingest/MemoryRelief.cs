namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Keeps a large file's ingest within one ingest's memory. An ingest of 1,000,000 × 70 allocates about 750 MB (the
/// score matrix, ids, columns, Arrow's buffers) and leaves it as garbage; the cache entries it evicts to make its
/// room (<see cref="Storage.ImmutableCache.Reserve"/>) are garbage too. Left alone, the GC keeps both committed well
/// into the next allocations: three ingests in a row peaked at 1.42 GiB where one alone stays near 0.85 (bench
/// ingest). A full, decommitting collection before such a file and after it costs tens of milliseconds beside an
/// ingest of seconds, and holds every ingest to the peak of one.
/// </summary>
internal static class MemoryRelief
{
    /// <summary>Files from this size on (100 MB: about 400,000 × 70) are framed by collections.</summary>
    internal const long LargeFileBytes = 100L * 1024 * 1024;

    /// <summary>Collects when the file is large; called where no reference to the ingest's data is left.</summary>
    public static void AroundIngestOf(long fileBytes)
    {
        if (fileBytes < LargeFileBytes) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
