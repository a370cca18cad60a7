using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace ClassVisCloud.Integration.Tests.Dynamics;

/// <summary>One row of a predictions file with logits.</summary>
public sealed class LogitsRow(string sampleId, int label, params float[] scores)
{
    public LogitsRow() : this("", 0) { }
    [JsonPropertyName("sample_id")] public string SampleId { get; set; } = sampleId;
    [JsonPropertyName("label")] public int Label { get; set; } = label;
    [JsonPropertyName("scores")] public float[] Scores { get; set; } = scores;
}

/// <summary>Writes tiny predictions files in the test with Parquet.Net's serializer.</summary>
public static class LogitsFile
{
    public static async Task<byte[]> WriteAsync(params LogitsRow[] rows)
    {
        var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream);
        return stream.ToArray();
    }
}
