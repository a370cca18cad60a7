namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// One decompressed page of a column chunk, its levels and values separated. The memory belongs to the
/// <see cref="PageReader"/> and is valid until it reads the next page.
/// </summary>
internal readonly record struct Page(
    PageType Type,
    int NumValues,
    ValueEncoding Encoding,
    ReadOnlyMemory<byte> RepetitionLevels,
    ReadOnlyMemory<byte> DefinitionLevels,
    ReadOnlyMemory<byte> Values);
