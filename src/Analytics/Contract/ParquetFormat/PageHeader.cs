namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// A page header (Thrift PageHeader with its data, dictionary or v2 sub-header flattened). For v2 pages the
/// level byte lengths say where the uncompressed levels end and the (maybe compressed) values begin.
/// </summary>
internal sealed record PageHeader(
    PageType Type,
    int UncompressedSize,
    int CompressedSize,
    int NumValues,
    ValueEncoding Encoding,
    int RepetitionLevelsLength,
    int DefinitionLevelsLength,
    bool ValuesCompressed)
{
    public static PageHeader Parse(ref ThriftCompactReader reader)
    {
        int type = -1, uncompressed = -1, compressed = -1;
        (int NumValues, int Encoding, int RepLength, int DefLength, bool Compressed) sub = (-1, 0, 0, 0, true);
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var fieldType))
        {
            switch (id)
            {
                case 1: type = reader.ReadI32(fieldType); break;
                case 2: uncompressed = reader.ReadI32(fieldType); break;
                case 3: compressed = reader.ReadI32(fieldType); break;
                case 5 or 7 or 8: sub = ReadSubHeader(ref reader, fieldType, isV2: id == 8); break;
                default: reader.Skip(fieldType); break;
            }
        }
        if (type is < 0 or > 3 || uncompressed < 0 || compressed < 0)
            throw new ParquetFormatException($"invalid page header (type {type}, sizes {compressed}/{uncompressed})");
        var pageType = (PageType)type;
        if (pageType != PageType.IndexPage && sub.NumValues < 0)
            throw new ParquetFormatException($"page header of type {pageType} lacks its value count");
        if (sub.RepLength < 0 || sub.DefLength < 0 || (long)sub.RepLength + sub.DefLength > uncompressed
            || (long)sub.RepLength + sub.DefLength > compressed)
            throw new ParquetFormatException("page v2 level lengths exceed the page");
        return new PageHeader(pageType, uncompressed, compressed, Math.Max(sub.NumValues, 0), (ValueEncoding)sub.Encoding,
            sub.RepLength, sub.DefLength, sub.Compressed);
    }

    // DataPageHeader, DictionaryPageHeader and DataPageHeaderV2 share field 1 (num_values); the encoding is
    // field 2 in the first two and field 4 in v2, whose fields 5-7 are the level lengths and is_compressed.
    private static (int, int, int, int, bool) ReadSubHeader(ref ThriftCompactReader reader, ThriftType type, bool isV2)
    {
        if (type != ThriftType.Struct)
            throw new ParquetFormatException("page sub-header is not a struct");
        int numValues = -1, encoding = 0, repLength = 0, defLength = 0;
        bool compressed = true;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var fieldType))
        {
            switch (id, isV2)
            {
                case (1, _): numValues = reader.ReadI32(fieldType); break;
                case (2, false): encoding = reader.ReadI32(fieldType); break;
                case (4, true): encoding = reader.ReadI32(fieldType); break;
                case (5, true): defLength = reader.ReadI32(fieldType); break;
                case (6, true): repLength = reader.ReadI32(fieldType); break;
                case (7, true): compressed = ThriftCompactReader.ReadBool(fieldType); break;
                default: reader.Skip(fieldType); break;
            }
        }
        return (numValues, encoding, repLength, defLength, compressed);
    }
}
