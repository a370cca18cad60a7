using DuckDB.NET.Data;

namespace ClassVisCloud.Bench;

/// <summary>
/// The reference every read and ingest figure is set beside: DuckDB reading the whole predictions file, every
/// column and every score (a sum over each, so nothing can be skipped), with its default threads.
/// </summary>
internal sealed class DuckDbRead : IDisposable
{
    private readonly DuckDBConnection connection = new("Data Source=:memory:");

    public DuckDbRead() => connection.Open();

    /// <summary>Reads the file; returns its row count.</summary>
    public long Read(string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select count(*), sum(strlen(sample_id::varchar)), sum(label::bigint), sum(list_sum(scores)) from read_parquet($path)";
        command.Parameters.Add(new DuckDBParameter("path", path));
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0);
    }

    public void Dispose() => connection.Dispose();
}
