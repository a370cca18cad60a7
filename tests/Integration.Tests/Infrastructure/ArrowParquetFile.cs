using Apache.Arrow;
using Apache.Arrow.Types;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>Writes Arrow columns as a Parquet file with Arrow's own writer (pyarrow's engine, through ParquetSharp), zstd.</summary>
public static class ArrowParquetFile
{
    /// <summary>A predictions file of the contract's list form: string sample_id, int64 label, list&lt;float&gt; scores.</summary>
    public static byte[] Predictions(int rows, Func<int, string> sampleId, Func<int, long> label, Func<int, float[]> scores)
    {
        var ids = new StringArray.Builder();
        var labels = new Int64Array.Builder();
        var lists = new ListArray.Builder(FloatType.Default);
        var values = (FloatArray.Builder)lists.ValueBuilder;
        for (int row = 0; row < rows; row++)
        {
            ids.Append(sampleId(row));
            labels.Append(label(row));
            lists.Append();
            values.AppendRange(scores(row));
        }
        var schema = new Schema.Builder()
            .Field(f => f.Name("sample_id").DataType(StringType.Default))
            .Field(f => f.Name("label").DataType(Int64Type.Default))
            .Field(f => f.Name("scores").DataType(new ListType(FloatType.Default)))
            .Build();
        return Write(schema, [ids.Build(), labels.Build(), lists.Build()], rows);
    }

    public static byte[] Write(Schema schema, IReadOnlyList<IArrowArray> columns, int rows)
    {
        string path = Path.GetTempFileName();
        try
        {
            using var properties = new ParquetSharp.WriterPropertiesBuilder().Compression(ParquetSharp.Compression.Zstd).Build();
            using (var writer = new ParquetSharp.Arrow.FileWriter(path, schema, properties))
                writer.WriteRecordBatch(new RecordBatch(schema, columns, rows));
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
