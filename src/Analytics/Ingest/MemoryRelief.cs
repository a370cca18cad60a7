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

    /// <summary>Epochs from this many samples on (about a 100 MB file at 70 classes) are framed likewise when prepared.</summary>
    internal const long LargeEpochSamples = 400_000;

    /// <summary>Collects when the file is large; called where no reference to the ingest's data is left.</summary>
    public static void AroundIngestOf(long fileBytes)
    {
        if (fileBytes < LargeFileBytes) return;
        Collect();
    }

    /// <summary>
    /// Collects between the training-dynamics fold of a large epoch and the building of its first-view answers: the
    /// fold's garbage (every epoch's inputs) would otherwise still be committed while the answers are built, and a
    /// 1,000,000 × 70 ingest peaked at 1,070–1,137 MiB instead of about 1,000 (bench ingest).
    /// </summary>
    public static void BeforeAnswersOf(long samples)
    {
        if (samples < LargeEpochSamples) return;
        Collect();
    }

    static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
