namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>How a leaf's values are handed to the contract: as integers, floating point numbers, or strings.</summary>
internal enum ValueKind { Integer, Float, String, Unsupported }

/// <summary>
/// A primitive column at the bottom of a top-level field, with the levels that tell its nulls and list
/// boundaries apart (Dremel encoding: definition levels count the defined optional/repeated ancestors,
/// repetition level 0 starts a new row).
/// </summary>
internal sealed record LeafColumn(
    IReadOnlyList<string> Path,
    PhysicalType Physical,
    ValueKind Kind,
    bool Unsigned,
    string TypeName,
    int MaxDefinition,
    int MaxRepetition);

/// <summary>What a top-level field of the file is.</summary>
internal enum ColumnShape { Flat, List, Other }

/// <summary>
/// A top-level field. For a list, a definition level of <see cref="MaxDefinition"/> is a value, one at or above
/// <see cref="EntryDefinition"/> (but below the max) is a null element, 0 is a null list when
/// <see cref="ListNullable"/>, and anything else below <see cref="EntryDefinition"/> is an empty list.
/// </summary>
internal sealed record TopLevelColumn(string Name, ColumnShape Shape, LeafColumn? Leaf, string TypeName, bool ListNullable, int EntryDefinition)
{
    public int MaxDefinition => Leaf?.MaxDefinition ?? 0;
}
