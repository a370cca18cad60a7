using System.Globalization;
using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Decodes and validates an attention file (<c>{run}/attention/epoch-{N}.parquet</c>): long form, one row per
/// token, kept in file order. Whether its sample ids exist in the epoch's predictions is the caller's check.
/// </summary>
public static class AttentionReader
{
    public static Task<AttentionFile> ReadAsync(Stream parquet, CancellationToken cancellationToken = default) =>
        DecodeGuard.FileAsync(async () =>
        {
            await using var file = await ParquetFile.OpenAsync(parquet, cancellationToken);
            var lookup = new ColumnLookup(file.Columns);
            var sampleIdColumn = lookup.Required("sample_id", "a string or an integer", ValueKind.String, ValueKind.Integer);
            var sentenceColumn = lookup.Required("sentence", "an integer", ValueKind.Integer);
            var positionColumn = lookup.Required("position", "an integer", ValueKind.Integer);
            var tokenColumn = lookup.Required("token", "a string", ValueKind.String);
            var wordWeightColumn = lookup.Required("word_weight", "float or double", ValueKind.Float);
            var sentenceWeightColumn = lookup.Required("sentence_weight", "float or double", ValueKind.Float);
            int rowCount = ContractLimits.RowCount(file.Footer);

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
            var columns = new GroupReader(file, names, cancellationToken);
            for (int group = 0; group < file.Footer.RowGroups.Count; group++)
            {
                columns.StartRowGroup(group);
                await columns.ReadSampleIdsAsync(sampleIdColumn, result.SampleIds);
                await columns.ReadStringsAsync(tokenColumn, result.Tokens);
                await columns.ReadIndexesAsync(sentenceColumn, result.Sentences);
                await columns.ReadIndexesAsync(positionColumn, result.Positions);
                await columns.ReadWeightsAsync(wordWeightColumn, result.WordWeights);
                await columns.ReadWeightsAsync(sentenceWeightColumn, result.SentenceWeights);
            }
            return result;
        });

    /// <summary>Reads each column of one row group into its slice of the result, rejecting nulls and bad values.</summary>
    private sealed class GroupReader(ParquetFile file, RowNames names, CancellationToken cancellationToken)
    {
        private int group;
        private int start;
        private int rows;
        private long[] integers = [];
        private double[] doubles = [];

        public void StartRowGroup(int index)
        {
            start += rows;
            group = index;
            rows = (int)file.Footer.RowGroups[index].NumRows;
            if (integers.Length < rows) (integers, doubles) = (new long[rows], new double[rows]);
        }

        public async Task ReadSampleIdsAsync(TopLevelColumn column, string[] ids)
        {
            if (column.Leaf!.Kind == ValueKind.String)
            {
                await ReadStringsAsync(column, ids);
                return;
            }
            await ReadAsync(column, IntegerDecoding.Instance, integers.AsMemory(0, rows));
            bool unsigned = column.Leaf.Unsigned;
            for (int i = 0; i < rows; i++)
            {
                // Tokens of one sample are consecutive: share its id string instead of formatting it per token.
                ids[start + i] = i > 0 && integers[i] == integers[i - 1] ? ids[start + i - 1]
                    : unsigned ? ((ulong)integers[i]).ToString(CultureInfo.InvariantCulture)
                    : integers[i].ToString(CultureInfo.InvariantCulture);
            }
        }

        public Task ReadStringsAsync(TopLevelColumn column, string[] values) =>
            ReadAsync(column, StringDecoding.Instance, values.AsMemory(start, rows));

        public async Task ReadIndexesAsync(TopLevelColumn column, int[] values)
        {
            await ReadAsync(column, IntegerDecoding.Instance, integers.AsMemory(0, rows));
            for (int i = 0; i < rows; i++)
            {
                long value = integers[i];
                if (value is < 0 or > int.MaxValue)
                    throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                        $"column '{column.Name}' is {value} at {names[start + i]}; expected a 0-based index"));
                values[start + i] = (int)value;
            }
        }

        public async Task ReadWeightsAsync(TopLevelColumn column, float[] values)
        {
            await ReadAsync(column, FloatDecoding.Instance, doubles.AsMemory(0, rows));
            for (int i = 0; i < rows; i++)
            {
                if (ScoreValues.ToFloat(doubles[i], out string? problem) is not float weight)
                    throw new ContractViolationException($"column '{column.Name}' has {problem} at {names[start + i]}");
                values[start + i] = weight;
            }
        }

        private async Task ReadAsync<T>(TopLevelColumn column, ValueDecoding<T> decoding, Memory<T> destination)
        {
            int firstNull = await FlatColumnReader.ReadAsync(file, group, column, decoding, destination, cancellationToken);
            if (firstNull >= 0)
                throw new ContractViolationException($"column '{column.Name}' is null at {names[start + firstNull]}");
        }
    }
}
