using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.RunGenerator.Tests;

/// <summary>A predictions file read back with Parquet.Net, list or wide form, all row groups.</summary>
internal sealed class PredictionsFile
{
    public required string[] Columns { get; init; }
    public required int RowGroups { get; init; }
    public required string[] SampleIds { get; init; }
    public required string[] Splits { get; init; }
    public required int[] Labels { get; init; }
    public required int[] Epochs { get; init; }

    /// <summary>One score vector per row.</summary>
    public required float[][] Scores { get; init; }

    public int Count => SampleIds.Length;

    public int Predicted(int row)
    {
        var scores = Scores[row];
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
            if (scores[k] > scores[best])
                best = k;
        return best;
    }

    public static async Task<PredictionsFile> ReadAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        DataField Field(string path) => fields.Single(f => f.Path.ToString() == path || f.Name == path);
        var wide = fields.Where(f => f.Name.StartsWith("score_", StringComparison.Ordinal)).ToArray();

        var ids = new List<string>();
        var splits = new List<string>();
        var labels = new List<int>();
        var epochs = new List<int>();
        var scores = new List<float[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            ids.AddRange(await ReadStrings(group, Field("sample_id"), rows));
            splits.AddRange(await ReadStrings(group, Field("split"), rows));
            labels.AddRange(await ReadInts(group, Field("label"), rows));
            epochs.AddRange(await ReadInts(group, Field("epoch"), rows));
            if (wide.Length > 0)
            {
                var columns = new float[wide.Length][];
                for (var k = 0; k < wide.Length; k++)
                {
                    columns[k] = new float[rows];
                    await group.ReadAsync<float>(wide[k], columns[k].AsMemory());
                }
                for (var r = 0; r < rows; r++)
                    scores.Add(columns.Select(c => c[r]).ToArray());
            }
            else
            {
                var element = fields.Single(f => f.Path.ToString().StartsWith("scores", StringComparison.Ordinal));
                var count = (int)group.GetMetadata(element)!.MetaData!.NumValues;
                var values = new float[count];
                var repetition = new int[count];
                var definition = new int[count];
                await group.ReadRawAsync<float>(element, values.AsMemory(), definition.AsMemory(), repetition.AsMemory());
                var start = 0;
                for (var i = 1; i <= values.Length; i++)
                {
                    if (i == values.Length || repetition[i] == 0)
                    {
                        scores.Add(values[start..i]);
                        start = i;
                    }
                }
            }
        }
        return new PredictionsFile
        {
            Columns = reader.Schema.Fields.Select(f => f.Name).ToArray(),
            RowGroups = reader.RowGroupCount,
            SampleIds = ids.ToArray(),
            Splits = splits.ToArray(),
            Labels = labels.ToArray(),
            Epochs = epochs.ToArray(),
            Scores = scores.ToArray(),
        };
    }

    public static async Task<PredictionsFile> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream);
    }

    private static async Task<string[]> ReadStrings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values.Select(v => v ?? throw new InvalidDataException($"null in {field.Name}")).ToArray();
    }

    private static async Task<int[]> ReadInts(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new int[rows];
        await group.ReadAsync<int>(field, values.AsMemory());
        return values;
    }
}
