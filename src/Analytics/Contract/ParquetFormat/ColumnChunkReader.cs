namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Reads one column chunk as batches of levels and values, page after page, never holding more than a
/// page and a batch: a list column of a million rows × 70 classes streams through a few MiB.
/// </summary>
internal sealed class ColumnChunkReader<T>
{
    public const int BatchSize = 1 << 16;

    private readonly PageReader pages;
    private readonly LeafColumn leaf;
    private readonly ValueDecoding<T> decoding;
    private readonly RleBitPackedReader repetitionReader = new();
    private readonly RleBitPackedReader definitionReader = new();
    private int[] repetition = [];
    private int[] definition = [];
    private T[] values = [];
    private T[]? dictionary;
    private IValueDecoder<T>? decoder;
    private int leftInPage;

    public ColumnChunkReader(PageReader pages, LeafColumn leaf, ValueDecoding<T> decoding)
    {
        this.pages = pages;
        this.leaf = leaf;
        this.decoding = decoding;
    }

    /// <summary>Levels in this batch (one per value slot, null or not).</summary>
    public int Count { get; private set; }

    /// <summary>Repetition levels of the batch; empty for a flat column.</summary>
    public ReadOnlySpan<int> Repetition => leaf.MaxRepetition > 0 ? repetition.AsSpan(0, Count) : default;

    /// <summary>Definition levels of the batch; empty for a required column (every slot is a value).</summary>
    public ReadOnlySpan<int> Definition => leaf.MaxDefinition > 0 ? definition.AsSpan(0, Count) : default;

    /// <summary>The batch's non-null values, in order.</summary>
    public ReadOnlySpan<T> Values => values.AsSpan(0, ValueCount);

    public int ValueCount { get; private set; }

    /// <summary>Reads the next batch; false when the chunk is done.</summary>
    public async ValueTask<bool> ReadBatchAsync(CancellationToken cancellationToken)
    {
        while (leftInPage == 0)
        {
            var page = await pages.NextAsync(cancellationToken);
            if (page is null) return false;
            StartPage(page.Value);
        }
        Count = Math.Min(leftInPage, BatchSize);
        leftInPage -= Count;
        EnsureCapacity();
        ValueCount = Count;
        if (leaf.MaxRepetition > 0) repetitionReader.Read(repetition.AsSpan(0, Count));
        if (leaf.MaxDefinition > 0)
        {
            var levels = definition.AsSpan(0, Count);
            definitionReader.Read(levels);
            ValueCount = CountValues(levels, leaf.MaxDefinition);
        }
        decoder!.Read(values.AsSpan(0, ValueCount));
        return true;
    }

    private void StartPage(Page page)
    {
        if (page.Type == PageType.DictionaryPage)
        {
            dictionary = decoding.DecodeDictionary(page.Values, page.NumValues, leaf);
            return;
        }
        if (leaf.MaxRepetition > 0) repetitionReader.Reset(page.RepetitionLevels, BitWidth(leaf.MaxRepetition));
        if (leaf.MaxDefinition > 0) definitionReader.Reset(page.DefinitionLevels, BitWidth(leaf.MaxDefinition));
        decoder = decoding.Create(page.Encoding, page.Values, page.NumValues, leaf, dictionary);
        leftInPage = page.NumValues;
    }

    private static int CountValues(ReadOnlySpan<int> levels, int max)
    {
        int count = 0;
        foreach (int level in levels)
        {
            if ((uint)level > (uint)max)
                throw new ParquetFormatException($"definition level {level} exceeds the column's maximum {max}");
            if (level == max) count++;
        }
        return count;
    }

    private static int BitWidth(int maxLevel) => 32 - int.LeadingZeroCount(maxLevel);

    private void EnsureCapacity()
    {
        if (values.Length >= BatchSize) return;
        repetition = new int[BatchSize];
        definition = new int[BatchSize];
        values = new T[BatchSize];
    }
}
