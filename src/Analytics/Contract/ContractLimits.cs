using System.Globalization;

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

    /// <summary>The text one string column may hold, uncompressed: a decompression bomb is refused by this, not by running out of memory.</summary>
    public const long MaxStringColumnBytes = 512L << 20;

    /// <summary>The file's row count as an int, once the footer's claims were found within <see cref="MaxRows"/>.</summary>
    public static int RowCount(long rows)
    {
        if (rows > MaxRows)
            throw new ContractViolationException(Invariant($"the file has {rows:N0} rows, more than the {MaxRows:N0} one epoch may have"));
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
