using ParquetSharp;
using ParquetSharp.IO;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// What the footer says about every leaf column, read before Arrow's reader is set up: how many values a row
/// holds, and which text columns are dictionary-encoded throughout.
/// </summary>
internal sealed class FooterLayout
{
    private FooterLayout(long rows, long values, int[] dictionaryTextLeaves)
    {
        Rows = rows;
        Values = values;
        DictionaryTextLeaves = dictionaryTextLeaves;
    }

    public long Rows { get; }

    /// <summary>Values of every leaf column in every row group, as claimed.</summary>
    public long Values { get; }

    /// <summary>Byte-array leaves whose every chunk uses a dictionary.</summary>
    public int[] DictionaryTextLeaves { get; }

    public static FooterLayout Read(Stream stream, ReaderProperties properties)
    {
        using var file = new ManagedRandomAccessFile(stream, leaveOpen: true);
        using var reader = new ParquetFileReader(file, properties);
        using var metadata = reader.FileMetaData;
        long values = 0;
        var dictionaryText = Enumerable.Range(0, metadata.NumColumns)
            .Where(leaf => metadata.Schema.Column(leaf).PhysicalType == PhysicalType.ByteArray)
            .ToHashSet();
        for (int group = 0; group < metadata.NumRowGroups; group++)
        {
            using var rowGroup = reader.RowGroup(group);
            for (int leaf = 0; leaf < metadata.NumColumns; leaf++)
            {
                using var chunk = rowGroup.MetaData.GetColumnChunkMetaData(leaf);
                values += Math.Max(chunk.NumValues, 0);
                if (!chunk.Encodings.Any(e => e is Encoding.PlainDictionary or Encoding.RleDictionary))
                    dictionaryText.Remove(leaf);
            }
        }
        return new FooterLayout(metadata.NumRows, values, [.. dictionaryText.Order()]);
    }

    /// <summary>Rows per batch so that a batch holds about <paramref name="maxValues"/> values (a 1,000-class file has 1,000 a row).</summary>
    public int BatchRows(long maxValues, int maxRows)
    {
        long valuesPerRow = Math.Max(1, Values / Math.Max(1, Rows));
        return (int)Math.Clamp(maxValues / valuesPerRow, Math.Min(1024, maxRows), maxRows);
    }
}
