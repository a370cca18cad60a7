using DuckDB.NET.Data;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>An in-memory DuckDB: the independent computation the exports are checked against.</summary>
public sealed class DuckDb : IDisposable
{
    readonly DuckDBConnection connection = new("DataSource=:memory:");

    public DuckDb() => connection.Open();

    public void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<object?[]> Rows(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public T Scalar<T>(string sql) => (T)Convert.ChangeType(Rows(sql)[0][0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Text as a SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    public void Dispose() => connection.Dispose();
}
