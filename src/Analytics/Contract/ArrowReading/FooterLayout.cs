using ParquetSharp;
using ParquetSharp.IO;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// What the footer claims about every row group and leaf column, read once, before Arrow's reader is set up: it
/// sizes the batches, picks the text columns read as dictionaries, and is checked before a column is decoded.
/// </summary>
internal sealed class FooterLayout
{
    private FooterLayout(long rows, long[] rowGroupRows, ChunkClaim[][] chunks, int[] dictionaryTextLeaves)
    {
        Rows = rows;
        RowGroupRows = rowGroupRows;
        Chunks = chunks;
        Values = chunks.Sum(group => group.Sum(chunk => Math.Max(chunk.Values, 0)));
        DictionaryTextLeaves = dictionaryTextLeaves;
    }

    public long Rows { get; }

    public long[] RowGroupRows { get; }

    /// <summary>Per row group, per leaf column, what its chunk claims.</summary>
    public ChunkClaim[][] Chunks { get; }

    /// <summary>Values of every leaf column in every row group, as claimed.</summary>
    public long Values { get; }

    /// <summary>Byte-array leaves whose every chunk uses a dictionary.</summary>
    public int[] DictionaryTextLeaves { get; }

    public static FooterLayout Read(Stream stream, ReaderProperties properties)
    {
        using var file = new ManagedRandomAccessFile(stream, leaveOpen: true);
        using var reader = new ParquetFileReader(file, properties);
        using var metadata = reader.FileMetaData;
        var rowGroupRows = new long[metadata.NumRowGroups];
        var chunks = new ChunkClaim[metadata.NumRowGroups][];
        var dictionaryText = Enumerable.Range(0, metadata.NumColumns)
            .Where(leaf => metadata.Schema.Column(leaf).PhysicalType == PhysicalType.ByteArray)
            .ToHashSet();
        for (int group = 0; group < metadata.NumRowGroups; group++)
        {
            using var rowGroup = reader.RowGroup(group);
            rowGroupRows[group] = rowGroup.MetaData.NumRows;
            chunks[group] = new ChunkClaim[metadata.NumColumns];
            for (int leaf = 0; leaf < metadata.NumColumns; leaf++)
            {
                using var chunk = rowGroup.MetaData.GetColumnChunkMetaData(leaf);
                chunks[group][leaf] = new ChunkClaim(chunk.NumValues, chunk.TotalCompressedSize, chunk.TotalUncompressedSize);
                if (!chunk.Encodings.Any(e => e is Encoding.PlainDictionary or Encoding.RleDictionary))
                    dictionaryText.Remove(leaf);
            }
        }
        return new FooterLayout(metadata.NumRows, rowGroupRows, chunks, [.. dictionaryText.Order()]);
    }

    /// <summary>Rows per batch so that a batch holds about <paramref name="maxValues"/> values (a 1,000-class file has 1,000 a row).</summary>
    public int BatchRows(long maxValues, int maxRows)
    {
        long valuesPerRow = Math.Max(1, Values / Math.Max(1, Rows));
        return (int)Math.Clamp(maxValues / valuesPerRow, Math.Min(1024, maxRows), maxRows);
    }
}

/// <summary>What one column chunk's metadata claims: its value count and its sizes.</summary>
internal sealed record ChunkClaim(long Values, long CompressedBytes, long UncompressedBytes);
