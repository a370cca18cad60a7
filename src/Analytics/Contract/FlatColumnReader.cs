using Apache.Arrow;
using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>Reads a flat column batch by batch, in file order, rejecting its first null.</summary>
internal static class FlatColumnReader
{
    /// <summary>
    /// Hands each batch's array and the file row it starts at to <paramref name="take"/>, which stores the values
    /// and returns the index in the batch of its first null, or -1. Decoding failures name the column.
    /// </summary>
    public static Task ReadAsync(ParquetSource file, FileColumn column, int rowCount, RowNames names,
        Func<IArrowArray, int, int> take, CancellationToken cancellationToken) =>
        DecodeGuard.ColumnAsync(column.Name, async () =>
        {
            int start = 0;
            await foreach (var batch in file.ReadAsync([column], cancellationToken))
            {
                using (batch)
                {
                    var array = batch[0];
                    if (array.Length > rowCount - start)
                        throw new ParquetFormatException($"the column holds more values than the file's {rowCount} rows");
                    int firstNull = take(array, start);
                    if (firstNull >= 0)
                        throw new ContractViolationException($"column '{column.Name}' is null at {names[start + firstNull]}");
                    start += array.Length;
                }
            }
            if (start != rowCount)
                throw new ParquetFormatException($"the column holds {start} values in a file of {rowCount} rows");
            return start;
        });
}
