using Apache.Arrow;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>Writes Arrow columns as a Parquet file with Arrow's own writer (pyarrow's engine, through ParquetSharp), zstd.</summary>
public static class ArrowParquetFile
{
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
