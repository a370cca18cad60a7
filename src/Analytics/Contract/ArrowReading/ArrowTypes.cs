using Apache.Arrow.Types;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>What the contract can do with a column's values.</summary>
internal enum ValueKind { String, Integer, Float, Unsupported }

/// <summary>A column holds one value per row, or a list of values per row.</summary>
internal enum ColumnShape { Flat, List }

/// <summary>
/// Sorts the Arrow types a Parquet file can hold into the contract's kinds, and names them the way reasons show
/// them. Every physical form a writer may choose for one logical type is the same kind: utf8, large_utf8,
/// utf8view and dictionary-encoded strings are all strings; int8 to uint64 are integers; list, large_list,
/// fixed_size_list and legacy repeated fields are lists.
/// </summary>
internal static class ArrowTypes
{
    public static ValueKind KindOf(IArrowType type) => type switch
    {
        DictionaryType dictionary => KindOf(dictionary.ValueType),
        // Text that older writers store as plain BYTE_ARRAY, without the UTF8 annotation, is read as UTF-8 too.
        StringType or LargeStringType or StringViewType or BinaryType or LargeBinaryType or BinaryViewType => ValueKind.String,
        Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type or UInt32Type or UInt64Type => ValueKind.Integer,
        FloatType or DoubleType => ValueKind.Float,
        _ => ValueKind.Unsupported,
    };

    /// <summary>The element type of a list type, or null when the type is not a list.</summary>
    public static IArrowType? ElementOf(IArrowType type) => type switch
    {
        ListType list => list.ValueDataType,
        LargeListType list => list.ValueDataType,
        FixedSizeListType list => list.ValueDataType,
        _ => null,
    };

    public static bool IsUnsigned64(IArrowType type) => type is UInt64Type || type is DictionaryType { ValueType: UInt64Type };

    /// <summary>The type as a reason names it: <c>string</c>, <c>int32</c>, <c>double</c>, <c>list&lt;float&gt;</c>.</summary>
    public static string Describe(IArrowType type) => type switch
    {
        DictionaryType dictionary => Describe(dictionary.ValueType),
        StringType or LargeStringType or StringViewType => "string",
        Decimal128Type d => $"decimal({d.Precision}, {d.Scale})",
        Decimal256Type d => $"decimal({d.Precision}, {d.Scale})",
        BinaryType or LargeBinaryType or BinaryViewType or FixedSizeBinaryType => "binary",
        BooleanType => "boolean",
        HalfFloatType => "float16",
        FloatType => "float",
        DoubleType => "double",
        TimestampType => "timestamp",
        Date32Type or Date64Type => "date",
        StructType => "struct",
        MapType => "map",
        _ when ElementOf(type) is { } element => $"list<{Describe(element)}>",
        _ => type.Name,
    };
}
