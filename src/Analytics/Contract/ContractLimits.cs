using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// How big a file the reader accepts. Far above a real epoch (1,000,000 × 70 is 70 million scores) yet small
/// enough that a file claiming absurd sizes is refused before anything is allocated for it.
/// </summary>
internal static class ContractLimits
{
    public const int MaxRows = 10_000_000;
    public const int MaxClasses = 10_000;
    public const long MaxScores = 200_000_000;

    /// <summary>The file's row count, checked against its row groups, emptiness and <see cref="MaxRows"/>.</summary>
    public static int RowCount(Footer footer)
    {
        long sum = 0;
        foreach (var group in footer.RowGroups) sum += Math.Min(group.NumRows, (long)MaxRows + 1);
        if (sum != footer.NumRows)
            throw new ParquetFormatException($"the footer says {footer.NumRows} rows but its row groups hold {sum}");
        if (sum == 0)
            throw new ContractViolationException("the file has no rows");
        if (sum > MaxRows)
            throw new ContractViolationException($"the file has {sum:N0} rows, more than the {MaxRows:N0} one epoch may have");
        return (int)sum;
    }

    public static void CheckScoreCount(int rows, int classes)
    {
        if ((long)rows * classes > MaxScores)
            throw new ContractViolationException(
                $"the file has {rows:N0} rows of {classes:N0} scores, more than the {MaxScores:N0} scores one epoch may have");
    }
}
