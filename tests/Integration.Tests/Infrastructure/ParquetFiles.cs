using Parquet.Serialization;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>One token row of an attention file, as the contract lays it out.</summary>
public sealed class AttentionRow(string sampleId, int sentence, int position, string token, float wordWeight, float sentenceWeight)
{
    public AttentionRow() : this("", 0, 0, "", 0, 0) { }
    [System.Text.Json.Serialization.JsonPropertyName("sample_id")] public string SampleId { get; set; } = sampleId;
    [System.Text.Json.Serialization.JsonPropertyName("sentence")] public int Sentence { get; set; } = sentence;
    [System.Text.Json.Serialization.JsonPropertyName("position")] public int Position { get; set; } = position;
    [System.Text.Json.Serialization.JsonPropertyName("token")] public string Token { get; set; } = token;
    [System.Text.Json.Serialization.JsonPropertyName("word_weight")] public float WordWeight { get; set; } = wordWeight;
    [System.Text.Json.Serialization.JsonPropertyName("sentence_weight")] public float SentenceWeight { get; set; } = sentenceWeight;
}

/// <summary>Small Parquet files written in the test with Parquet.Net's serializer.</summary>
public static class ParquetFiles
{
    public static async Task<byte[]> AttentionAsync(params AttentionRow[] rows)
    {
        var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream);
        return stream.ToArray();
    }
}
