using System.Globalization;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// How big a file the reader accepts. The firm limits are the contract's (CONTRACT.md, "Limits"); rows, total id
/// bytes and scores are ours to size, so that the largest file they allow ingests within 1.5 GiB: far above a
/// real epoch (1,000,000 × 70 is 70 million scores, ImageNet's validation set 50 million), and a file claiming
/// more is refused before anything is allocated for it.
/// </summary>
internal static class ContractLimits
{
    public const int MaxRows = 2_000_000;

    /// <summary>An attention file has a row per token: a hundred thousand documents of a hundred words.</summary>
    public const int MaxAttentionRows = 10_000_000;
    public const long MaxScores = 100_000_000;

    /// <summary>UTF-8 bytes of all sample ids of a file together.</summary>
    public const long MaxTotalSampleIdBytes = 64L << 20;

    public const int MaxClasses = 10_000;
    public const int MaxSplits = 64;
    public const int MaxSplitNameLength = 64;
    public const int MaxSampleIdBytes = 256;
    public const int MaxClassNameLength = 256;

    /// <summary>The text one string column may hold, uncompressed: a decompression bomb is refused by this, not by running out of memory.</summary>
    public const long MaxStringColumnBytes = 512L << 20;

    /// <summary>The file's row count as an int, checked against <paramref name="maxRows"/>.</summary>
    public static int RowCount(long rows, int maxRows = MaxRows)
    {
        if (rows > maxRows)
            throw new ContractViolationException(Invariant($"the file has {rows:N0} rows, more than the {maxRows:N0} one epoch may have"));
        if (rows <= 0)
            throw new ContractViolationException("the file has no rows");
        return (int)rows;
    }

    public static void CheckScoreCount(int rows, int classes)
    {
        if ((long)rows * classes > MaxScores)
            throw new ContractViolationException(Invariant(
                $"the file has {rows:N0} rows of {classes:N0} scores, more than the {MaxScores:N0} scores one epoch may have"));
    }

    // Reasons read the same whatever the server's culture.
    private static string Invariant(FormattableString reason) => reason.ToString(CultureInfo.InvariantCulture);
}
