using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.RunGenerator.Tests;

/// <summary>An attention file read back with Parquet.Net: one entry per token row.</summary>
internal sealed record AttentionRow(string SampleId, int Sentence, int Position, string Token, float WordWeight, float SentenceWeight);

internal static class AttentionFile
{
    public static async Task<IReadOnlyList<AttentionRow>> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        var rows = new List<AttentionRow>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var ids = await Strings(group, fields["sample_id"], count);
            var sentences = await Values<int>(group, fields["sentence"], count);
            var positions = await Values<int>(group, fields["position"], count);
            var tokens = await Strings(group, fields["token"], count);
            var words = await Values<float>(group, fields["word_weight"], count);
            var sentenceWeights = await Values<float>(group, fields["sentence_weight"], count);
            for (var i = 0; i < count; i++)
                rows.Add(new AttentionRow(ids[i], sentences[i], positions[i], tokens[i], words[i], sentenceWeights[i]));
        }
        return rows;
    }

    private static async Task<string[]> Strings(ParquetRowGroupReader group, DataField field, int count)
    {
        var values = new string?[count];
        await group.ReadAsync(field, values.AsMemory());
        return values.Select(v => v!).ToArray();
    }

    private static async Task<T[]> Values<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        var values = new T[count];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }
}
