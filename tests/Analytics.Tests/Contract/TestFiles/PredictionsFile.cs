using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.Analytics.Tests.Contract.TestFiles;

/// <summary>Writes predictions files in memory with Parquet.Net, in any of the layouts the contract allows.</summary>
internal static class PredictionsFile
{
    public static async Task<MemoryStream> WriteAsync(IReadOnlyList<PredictionRow> rows, PredictionsFileOptions? options = null)
    {
        options ??= new PredictionsFileOptions();
        var columns = new List<TestColumn>();
        if (options.WithExtraColumns)
            columns.Add(TestColumn.Strings("comment", rows.Select(r => (string?)"ignored").ToArray(), options.Nullable));
        columns.Add(KeyColumn("sample_id", rows.Select(r => r.SampleId).ToArray(), options.Nullable));
        columns.Add(KeyColumn("label", rows.Select(r => r.Label).ToArray(), options.Nullable));
        if (rows.Any(r => r.Split is not null))
            columns.Add(TestColumn.Strings("split", rows.Select(r => r.Split).ToArray(), options.Nullable));
        if (options.WideClassNames is { } classNames)
        {
            for (int k = 0; k < classNames.Count; k++)
            {
                int classIndex = k;
                var values = rows.Select(r => r.Scores is { } s && classIndex < s.Length ? s[classIndex] : null).ToArray();
                columns.Add(TestColumn.Numbers("score_" + classNames[k], values, options.DoubleScores, options.Nullable));
            }
        }
        else
        {
            columns.Add(TestColumn.ScoreList("scores", rows.Select(r => r.Scores).ToArray(), options));
        }
        if (options.Epoch is long epoch)
            columns.Add(TestColumn.Integers("epoch", rows.Select(r => (long?)epoch).ToArray(), options.Nullable));
        if (options.WithExtraColumns)
            columns.Add(TestColumn.Numbers("loss", rows.Select(r => (double?)0.5).ToArray(), true, options.Nullable));

        var stream = new MemoryStream();
        var parquetOptions = new ParquetOptions { CompressionMethod = options.Compression };
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), stream, parquetOptions, false, default))
        {
            for (int start = 0; start < rows.Count; start += options.RowsPerGroup)
            {
                int count = Math.Min(options.RowsPerGroup, rows.Count - start);
                using var group = writer.CreateRowGroup();
                foreach (var column in columns) await column.WriteAsync(group, start, count);
            }
        }
        stream.Position = 0;
        return stream;
    }

    private static TestColumn KeyColumn(string name, object?[] values, bool nullable) =>
        values.Any(v => v is string)
            ? TestColumn.Strings(name, values.Select(v => (string?)v).ToArray(), nullable)
            : TestColumn.Integers(name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v)).ToArray(), nullable);
}
