namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>What a Parquet footer claims about the part of a file that will be read: checked before reading it.</summary>
internal sealed record FileShape(long Length, long Rows, IReadOnlyList<long> RowGroupRows, IReadOnlyList<ChunkShape> Chunks, int MaxRows);

/// <summary>One column chunk to be read: its column, row group and claimed sizes.</summary>
internal sealed record ChunkShape(string Column, int RowGroup, long Values, long CompressedBytes, long UncompressedBytes, bool Strings);
