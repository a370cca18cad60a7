using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>Finds a file's top-level columns by name (the first of a repeated name wins) and checks their type.</summary>
internal sealed class ColumnLookup
{
    private readonly Dictionary<string, FileColumn> byName = new(StringComparer.Ordinal);

    public ColumnLookup(IReadOnlyList<FileColumn> columns)
    {
        Columns = columns;
        foreach (var column in columns) byName.TryAdd(column.Name, column);
    }

    public IReadOnlyList<FileColumn> Columns { get; }

    public bool TryGet(string name, out FileColumn column) => byName.TryGetValue(name, out column!);

    /// <summary>A flat column of one of <paramref name="kinds"/>; <paramref name="expected"/> words them for the reason.</summary>
    public FileColumn Required(string name, string expected, params ValueKind[] kinds) =>
        Optional(name, expected, kinds) ?? throw new ContractViolationException($"missing required column '{name}'");

    public FileColumn? Optional(string name, string expected, params ValueKind[] kinds)
    {
        if (!byName.TryGetValue(name, out var column)) return null;
        CheckFlat(column, expected, kinds);
        return column;
    }

    public static void CheckFlat(FileColumn column, string expected, params ValueKind[] kinds)
    {
        if (column.Shape != ColumnShape.Flat || !kinds.Contains(column.Kind))
            throw new ContractViolationException($"column '{column.Name}' has type {column.TypeName}; expected {expected}");
    }
}
