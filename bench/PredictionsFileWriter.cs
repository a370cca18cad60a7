using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.Bench;

/// <summary>
/// Writes a synthetic list-form predictions file (string ids, int labels, a train/validation split, softmax
/// probabilities) with Parquet.Net, a row group at a time so the writer's memory stays small.
/// </summary>
internal static class PredictionsFileWriter
{
    public static async Task WriteAsync(string path, int rows, int classes, int rowsPerGroup, CompressionMethod compression)
    {
        var id = new DataField<string>("sample_id", false);
        var split = new DataField<string>("split", false);
        var label = new DataField<int>("label", false);
        var element = new DataField<float>("element", false);
        var schema = new ParquetSchema(id, split, label, new ListField("scores", element));
        // Parquet.Net's Optimal level is zstd level 3, the level writers commonly default to.
        var options = new ParquetOptions { CompressionMethod = compression, CompressionLevel = System.IO.Compression.CompressionLevel.Optimal };
        var random = new Random(42);

        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file, options, false, default);
        for (int start = 0; start < rows; start += rowsPerGroup)
        {
            int count = Math.Min(rowsPerGroup, rows - start);
            var scores = new float[count * classes];
            var repetition = new int[count * classes];
            var definition = new int[count * classes];
            Array.Fill(definition, 2);
            for (int row = 0; row < count; row++)
            {
                var vector = scores.AsSpan(row * classes, classes);
                float sum = 0;
                for (int k = 0; k < classes; k++) sum += vector[k] = (float)Math.Exp(random.NextDouble() * 4);
                for (int k = 0; k < classes; k++) vector[k] /= sum;
                for (int k = 1; k < classes; k++) repetition[row * classes + k] = 1;
            }
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, Enumerable.Range(start, count).Select(i => $"sample-{i:D7}").ToArray(), null);
            await group.WriteAsync(split, Enumerable.Range(start, count).Select(i => i % 5 == 0 ? "validation" : "train").ToArray(), null);
            await group.WriteAsync<int>(label, Enumerable.Range(start, count).Select(i => i % classes).ToArray(), null, null!, default);
            await group.WriteAllPartsAsync<float>(element, scores, definition, repetition, default);
        }
    }
}
