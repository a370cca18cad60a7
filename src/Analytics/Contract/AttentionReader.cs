using System.Globalization;
using Apache.Arrow;
using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Decodes and validates an attention file (<c>{run}/attention/epoch-{N}.parquet</c>): long form, one row per
/// token, kept in file order. Whether its sample ids exist in the epoch's predictions is the caller's check.
/// </summary>
public static class AttentionReader
{
    public static Task<AttentionFile> ReadAsync(Stream parquet, CancellationToken cancellationToken = default) =>
        DecodeGuard.FileAsync(parquet, ContractLimits.MaxAttentionRows, async file =>
        {
            var lookup = new ColumnLookup(file.Columns);
            var sampleIdColumn = lookup.Required("sample_id", "a string or an integer", ValueKind.String, ValueKind.Integer);
            var sentenceColumn = lookup.Required("sentence", "an integer", ValueKind.Integer);
            var positionColumn = lookup.Required("position", "an integer", ValueKind.Integer);
            var tokenColumn = lookup.Required("token", "a string", ValueKind.String);
            var wordWeightColumn = lookup.Required("word_weight", "float or double", ValueKind.Float);
            var sentenceWeightColumn = lookup.Required("sentence_weight", "float or double", ValueKind.Float);
            int rowCount = ContractLimits.RowCount(file.Rows, ContractLimits.MaxAttentionRows);

            var result = new AttentionFile
            {
                SampleIds = new string[rowCount],
                Sentences = new int[rowCount],
                Positions = new int[rowCount],
                Tokens = new string[rowCount],
                WordWeights = new float[rowCount],
                SentenceWeights = new float[rowCount],
            };
            var names = new RowNames(result.SampleIds);
            var columns = new ColumnReader(file, rowCount, names, cancellationToken);
            await columns.ReadSampleIdsAsync(sampleIdColumn, result.SampleIds);
            await columns.ReadStringsAsync(tokenColumn, result.Tokens);
            await columns.ReadIndexesAsync(sentenceColumn, result.Sentences);
            await columns.ReadIndexesAsync(positionColumn, result.Positions);
            await columns.ReadWeightsAsync(wordWeightColumn, result.WordWeights);
            await columns.ReadWeightsAsync(sentenceWeightColumn, result.SentenceWeights);
            return result;
        }, cancellationToken);

    /// <summary>Reads each column into the result, rejecting nulls and bad values.</summary>
    private sealed class ColumnReader(ParquetSource file, int rowCount, RowNames names, CancellationToken cancellationToken)
    {
        private long[] integers = [];
        private double[] doubles = [];

        public Task ReadSampleIdsAsync(FileColumn column, string[] ids)
        {
            if (column.Kind == ValueKind.String) return ReadStringsAsync(column, ids);
            bool unsigned = ArrowTypes.IsUnsigned64(column.Type);
            return ReadAsync(column, (array, start) =>
            {
                int firstNull = ColumnValues.Integers(array, Buffer(ref integers, array.Length));
                for (int i = 0; i < array.Length; i++)
                {
                    // Tokens of one sample are consecutive: share its id string instead of formatting it per token.
                    ids[start + i] = i > 0 && integers[i] == integers[i - 1] ? ids[start + i - 1]
                        : unsigned ? ((ulong)integers[i]).ToString(CultureInfo.InvariantCulture)
                        : integers[i].ToString(CultureInfo.InvariantCulture);
                }
                return firstNull;
            });
        }

        public Task ReadStringsAsync(FileColumn column, string[] values)
        {
            var dictionary = new ColumnValues.DecodedDictionary();
            return ReadAsync(column, (array, start) => ColumnValues.Strings(array, values.AsSpan(start), dictionary));
        }

        public Task ReadIndexesAsync(FileColumn column, int[] values) => ReadAsync(column, (array, start) =>
        {
            int firstNull = ColumnValues.Integers(array, Buffer(ref integers, array.Length));
            int end = firstNull >= 0 ? firstNull : array.Length;
            for (int i = 0; i < end; i++)
            {
                long value = integers[i];
                if (value is < 0 or > int.MaxValue)
                    throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                        $"column '{column.Name}' is {value} at {names[start + i]}; expected a 0-based index"));
                values[start + i] = (int)value;
            }
            return firstNull;
        });

        public Task ReadWeightsAsync(FileColumn column, float[] values) => ReadAsync(column, (array, start) =>
        {
            int firstNull = ColumnValues.Doubles(array, Buffer(ref doubles, array.Length));
            int end = firstNull >= 0 ? firstNull : array.Length;
            for (int i = 0; i < end; i++)
            {
                if (ScoreValues.ToFloat(doubles[i], out string? problem) is not float weight)
                    throw new ContractViolationException($"column '{column.Name}' has {problem} at {names[start + i]}");
                values[start + i] = weight;
            }
            return firstNull;
        });

        private Task ReadAsync(FileColumn column, Func<IArrowArray, int, int> take) =>
            FlatColumnReader.ReadAsync(file, column, rowCount, names, take, cancellationToken);

        private static Span<T> Buffer<T>(ref T[] buffer, int size)
        {
            if (buffer.Length < size) buffer = new T[size];
            return buffer.AsSpan(0, size);
        }
    }
}
