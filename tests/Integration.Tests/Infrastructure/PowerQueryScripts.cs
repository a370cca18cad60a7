using System.Text.RegularExpressions;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>One table's Power Query script in docs/powerbi: the route it reads and the typed columns it declares.</summary>
public sealed record PowerQueryTable(string Name, string RelativePath, IReadOnlyList<(string Column, string Type)> Columns)
{
    /// <summary>The DuckDB type of each declared Power Query type: the tests parse the files with the types the report uses.</summary>
    public string DuckDbColumns => "{" + string.Join(", ", Columns.Select(c => $"'{c.Column}': '{DuckDbType(c.Type)}'")) + "}";

    static string DuckDbType(string type) => type switch
    {
        "type text" => "VARCHAR",
        "Int64.Type" => "BIGINT",
        "type number" => "DOUBLE",
        "type datetimezone" => "TIMESTAMPTZ",
        _ => throw new InvalidOperationException($"no DuckDB type for the Power Query type '{type}'"),
    };

    /// <summary>A strict read of an export (RFC 4180, header, the declared types; any stray quote or short row fails).</summary>
    public string ReadCsv(string path) =>
        $"read_csv({DuckDb.Literal(path)}, header = true, auto_detect = false, strict_mode = true, delim = ',', quote = '\"', escape = '\"', columns = {DuckDbColumns})";
}

public static partial class PowerQueryScripts
{
    public static string Folder => Path.Combine(BuildOutput.RepoRoot, "docs", "powerbi");

    /// <summary>Every script that reads an export (the others are the URL parameter and the text function).</summary>
    public static IReadOnlyList<PowerQueryTable> Tables() =>
        Directory.GetFiles(Folder, "*.pq").Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Text: File.ReadAllText(path)))
            .Where(s => RelativePath().IsMatch(s.Text))
            .Select(s => new PowerQueryTable(s.Name, RelativePath().Match(s.Text).Groups[1].Value,
                TypedColumn().Matches(Typed().Match(s.Text).Groups[1].Value).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList()))
            .ToList();

    public static PowerQueryTable Table(string relativePath) => Tables().Single(t => t.RelativePath == relativePath);

    [GeneratedRegex("RelativePath = \"([^\"]+)\"")]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"Table\.TransformColumnTypes\(\w+, \{(.*)\}, ""en-US""\)")]
    private static partial Regex Typed();

    [GeneratedRegex("""\{"(\w+)", (type text|Int64\.Type|type number|type datetimezone|[^}]+)\}""")]
    private static partial Regex TypedColumn();
}
