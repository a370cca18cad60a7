namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Names a row in a reason the way a user finds it: its index from 0 in file order (as pandas and DuckDB count)
/// and, once known, its sample id.
/// </summary>
internal sealed class RowNames(string?[] sampleIds)
{
    public string this[long row] =>
        row < sampleIds.Length && sampleIds[row] is { } id ? $"row {row} (sample_id '{id}')" : $"row {row}";
}
