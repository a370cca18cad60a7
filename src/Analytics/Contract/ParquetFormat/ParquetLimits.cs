namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Caps on what a file may claim, so a hostile or corrupt header cannot make the reader allocate without
/// bound. Each is far above what a real predictions or attention file needs.
/// </summary>
internal static class ParquetLimits
{
    public const int MaxFooterBytes = 64 << 20;
    public const int MaxPageHeaderBytes = 16 << 20;

    /// <summary>A page of strings; Parquet.Net writes a whole column chunk as one page.</summary>
    public const int MaxStringPageBytes = 512 << 20;

    /// <summary>Upper bound on a numeric page: levels and values take at most a few bytes per value.</summary>
    public static long MaxNumericPageBytes(long numValues) => 1024 + 32 * numValues;
}
