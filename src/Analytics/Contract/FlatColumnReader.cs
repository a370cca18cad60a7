using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>Reads a flat column's chunk of one row group into an array, one slot per row.</summary>
internal static class FlatColumnReader
{
    /// <summary>
    /// Fills <paramref name="destination"/> (the row group's rows) and returns the index in it of the first
    /// null, or -1. Decoding failures name the column.
    /// </summary>
    public static Task<int> ReadAsync<T>(ParquetFile file, int rowGroup, TopLevelColumn column, ValueDecoding<T> decoding,
        Memory<T> destination, CancellationToken cancellationToken) =>
        DecodeGuard.ColumnAsync(column.Name, async () =>
        {
            var reader = file.OpenChunk(rowGroup, column.Leaf!, decoding);
            int row = 0, firstNull = -1;
            while (await reader.ReadBatchAsync(cancellationToken))
            {
                if (reader.Count > destination.Length - row)
                    throw new ParquetFormatException($"the column holds more values than its row group's {destination.Length} rows");
                var target = destination.Span.Slice(row, reader.Count);
                if (reader.Definition.IsEmpty)
                {
                    reader.Values.CopyTo(target);
                }
                else
                {
                    int firstBatchNull = Scatter(reader.Definition, column.MaxDefinition, reader.Values, target);
                    if (firstNull < 0 && firstBatchNull >= 0) firstNull = row + firstBatchNull;
                }
                row += reader.Count;
            }
            if (row != destination.Length)
                throw new ParquetFormatException($"the column holds {row} values in a row group of {destination.Length} rows");
            return firstNull;
        });

    private static int Scatter<T>(ReadOnlySpan<int> definition, int maxDefinition, ReadOnlySpan<T> values, Span<T> target)
    {
        int firstNull = -1, next = 0;
        for (int i = 0; i < definition.Length; i++)
        {
            if (definition[i] == maxDefinition) target[i] = values[next++];
            else if (firstNull < 0) firstNull = i;
        }
        return firstNull;
    }
}
