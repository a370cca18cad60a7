using System.Globalization;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// Refuses a file whose footer claims more than the contract allows, or more than the file can hold, before a
/// byte of its data is decoded: the native reader trusts these claims when it sizes its buffers, and a
/// decompression bomb is a small file that claims (truthfully) to expand enormously.
/// </summary>
internal static class FooterChecks
{
    public static void Check(FileShape shape)
    {
        CheckRows(shape);
        long compressed = 0;
        var stringBytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in shape.Chunks)
        {
            if (chunk.Values < 0 || chunk.CompressedBytes < 0 || chunk.UncompressedBytes < 0)
                throw new ParquetFormatException($"the footer gives column '{chunk.Column}' a negative size in row group {chunk.RowGroup}");
            compressed += chunk.CompressedBytes;
            if (chunk.Values > ContractLimits.MaxScores + shape.MaxRows)
                throw Violation($"column '{chunk.Column}' claims {chunk.Values:N0} values in row group {chunk.RowGroup}, more than one epoch may have");
            if (chunk.Strings)
            {
                stringBytes[chunk.Column] = stringBytes.GetValueOrDefault(chunk.Column) + chunk.UncompressedBytes;
                if (stringBytes[chunk.Column] > ContractLimits.MaxStringColumnBytes)
                    throw Violation($"column '{chunk.Column}' holds {stringBytes[chunk.Column]:N0} bytes of text, more than the {ContractLimits.MaxStringColumnBytes:N0} one column may have");
            }
            else if (chunk.UncompressedBytes > MaxNumericBytes(chunk.Values))
            {
                throw Violation($"column '{chunk.Column}' claims {chunk.UncompressedBytes:N0} bytes for {chunk.Values:N0} values in row group {chunk.RowGroup}");
            }
        }
        if (compressed > shape.Length)
            throw new ParquetFormatException(string.Create(CultureInfo.InvariantCulture,
                $"the footer claims {compressed:N0} bytes of column data in a file of {shape.Length:N0} bytes"));
    }

    private static void CheckRows(FileShape shape)
    {
        ContractLimits.RowCount(shape.Rows, shape.MaxRows);
        long sum = 0;
        foreach (long rows in shape.RowGroupRows)
        {
            if (rows < 0) throw new ParquetFormatException("the footer gives a row group a negative row count");
            sum += Math.Min(rows, shape.MaxRows + 1L);
        }
        if (sum != shape.Rows)
            throw new ParquetFormatException($"the footer says {shape.Rows} rows but its row groups hold {sum}");
    }

    /// <summary>
    /// A number takes at most 8 bytes, and its repetition and definition levels a few more; page headers and
    /// dictionaries add a little. Anything far beyond is not numbers.
    /// </summary>
    private static long MaxNumericBytes(long values) => values * 16 + (1 << 20);

    private static ContractViolationException Violation(FormattableString reason) =>
        new(reason.ToString(CultureInfo.InvariantCulture));
}
