namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Names a row in a reason the way a user finds it: its index from 0 in file order (as pandas and DuckDB count)
/// and, once known, its sample id.
/// </summary>
internal sealed class RowNames(string?[] sampleIds)
{
    /// <summary>Longer values are cut in reasons: a hostile file's megabyte id must not become a megabyte reason.</summary>
    public const int MaxQuotedLength = 200;

    public string this[long row] =>
        row < sampleIds.Length && sampleIds[row] is { } id ? $"row {row} (sample_id '{Quote(id)}')" : $"row {row}";

    /// <summary>The value as a reason shows it: whole when short, else its start and its length.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value[..MaxQuotedLength]}… ({value.Length:N0} characters)");
}
