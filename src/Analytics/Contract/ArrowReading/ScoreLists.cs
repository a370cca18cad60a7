using Apache.Arrow;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// One batch of a list-of-numbers column, whatever list form the writer chose (list, large_list,
/// fixed_size_list; legacy two-level lists arrive as lists): each row's null state and the range of its
/// values, which are floats or doubles.
/// </summary>
internal sealed class ScoreLists
{
    private readonly IArrowArray lists;
    private readonly int[]? offsets;
    private readonly long[]? largeOffsets;
    private readonly int fixedSize;
    private readonly int fixedStart;

    private ScoreLists(IArrowArray lists, IArrowArray values, int[]? offsets, long[]? largeOffsets, int fixedSize, int fixedStart)
    {
        this.lists = lists;
        this.offsets = offsets;
        this.largeOffsets = largeOffsets;
        this.fixedSize = fixedSize;
        this.fixedStart = fixedStart;
        Values = values;
        Floats = values is FloatArray f ? f : null;
        Doubles = values is DoubleArray d ? d : null;
        if (Floats is null && Doubles is null)
            throw new ParquetFormatException($"unexpected list values {values.Data.DataType.Name}");
    }

    public static ScoreLists Of(IArrowArray array) => array switch
    {
        ListArray list => new ScoreLists(list, list.Values, list.ValueOffsets.ToArray(), null, 0, 0),
        LargeListArray list => new ScoreLists(list, list.Values, null, list.ValueOffsets.ToArray(), 0, 0),
        FixedSizeListArray list => new ScoreLists(list, list.Values, null, null,
            ((Apache.Arrow.Types.FixedSizeListType)list.Data.DataType).ListSize, list.Offset),
        _ => throw new ParquetFormatException($"unexpected list array {array.Data.DataType.Name}"),
    };

    public int Length => lists.Length;

    /// <summary>All the batch's values; a row's are <see cref="Range"/> of them.</summary>
    public IArrowArray Values { get; }

    public FloatArray? Floats { get; }

    public DoubleArray? Doubles { get; }

    public bool HasNullValues => Values.NullCount > 0;

    public bool IsNull(int row) => lists.IsNull(row);

    /// <summary>Where row <paramref name="row"/>'s values start in <see cref="Values"/>, and how many there are.</summary>
    public (int Start, int Count) Range(int row)
    {
        if (offsets is not null) return (offsets[row], offsets[row + 1] - offsets[row]);
        if (largeOffsets is not null) return (checked((int)largeOffsets[row]), checked((int)(largeOffsets[row + 1] - largeOffsets[row])));
        return ((fixedStart + row) * fixedSize, fixedSize);
    }
}
