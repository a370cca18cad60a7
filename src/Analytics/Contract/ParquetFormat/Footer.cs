namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>The parts of a Parquet footer (FileMetaData) this reader uses.</summary>
internal sealed record Footer(IReadOnlyList<FooterSchemaElement> Schema, IReadOnlyList<FooterRowGroup> RowGroups, long NumRows);

/// <summary>One node of the flattened schema tree (depth first, a group followed by its children).</summary>
internal sealed record FooterSchemaElement(
    string Name,
    PhysicalType? Type,
    Repetition Repetition,
    int ChildCount,
    Annotation Annotation,
    string? AnnotationName);

internal sealed record FooterRowGroup(long NumRows, IReadOnlyList<FooterColumnChunk> Columns);

/// <summary>Where a column chunk's pages are and how they are compressed.</summary>
internal sealed record FooterColumnChunk(
    IReadOnlyList<string> Path,
    PhysicalType Type,
    CompressionCodec Codec,
    long NumValues,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    bool InOtherFile)
{
    /// <summary>The first page: the dictionary page when there is one (it precedes the data pages).</summary>
    public long StartOffset => DictionaryPageOffset is > 0 and var d && d < DataPageOffset ? d : DataPageOffset;
}
