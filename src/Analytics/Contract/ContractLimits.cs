using System.Globalization;
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
        if (footer.NumRows > MaxRows)
            throw new ContractViolationException(Invariant($"the file has {footer.NumRows:N0} rows, more than the {MaxRows:N0} one epoch may have"));
        long sum = 0;
        foreach (var group in footer.RowGroups) sum += Math.Min(group.NumRows, MaxRows + 1L);
        if (sum != footer.NumRows)
            throw new ParquetFormatException($"the footer says {footer.NumRows} rows but its row groups hold {sum}");
        if (sum == 0)
            throw new ContractViolationException("the file has no rows");
        return (int)sum;
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
