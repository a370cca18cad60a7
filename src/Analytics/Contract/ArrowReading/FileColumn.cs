using Apache.Arrow.Types;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// A top-level column of a Parquet file as Arrow's reader gives it: its name, its type, and the Parquet leaf
/// columns it is read from (one for a flat column or a list of numbers).
/// </summary>
internal sealed record FileColumn(string Name, IArrowType Type, int[] Leaves)
{
    /// <summary>Flat, or a list (whose <see cref="Kind"/> is then its elements').</summary>
    public ColumnShape Shape => ArrowTypes.ElementOf(Type) is null ? ColumnShape.Flat : ColumnShape.List;

    /// <summary>The kind of the values, or of the list's elements.</summary>
    public ValueKind Kind => ArrowTypes.ElementOf(Type) is { } element
        ? ArrowTypes.ElementOf(element) is null ? ArrowTypes.KindOf(element) : ValueKind.Unsupported
        : ArrowTypes.KindOf(Type);

    /// <summary>The type as reasons name it.</summary>
    public string TypeName => ArrowTypes.Describe(Type);
}
