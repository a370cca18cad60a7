namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Parses a Parquet footer (Thrift FileMetaData) into <see cref="Footer"/>, keeping only the fields the reader
/// needs and skipping the rest. Field ids are those of parquet.thrift.
/// </summary>
internal static class FooterParser
{
    public static Footer Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ThriftCompactReader(bytes);
        var schema = new List<FooterSchemaElement>();
        var rowGroups = new List<FooterRowGroup>();
        long numRows = 0;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var type))
        {
            switch (id)
            {
                case 2:
                    int count = reader.ReadListHeader(type, out _);
                    for (int i = 0; i < count; i++) schema.Add(ReadSchemaElement(ref reader));
                    break;
                case 3:
                    numRows = reader.ReadI64(type);
                    break;
                case 4:
                    int groups = reader.ReadListHeader(type, out _);
                    for (int i = 0; i < groups; i++) rowGroups.Add(ReadRowGroup(ref reader));
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }
        return new Footer(schema, rowGroups, numRows);
    }

    private static FooterSchemaElement ReadSchemaElement(ref ThriftCompactReader reader)
    {
        PhysicalType? physical = null;
        var repetition = Repetition.Required;
        string name = "";
        int children = 0;
        int? converted = null;
        (Annotation, string?)? logical = null;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var type))
        {
            switch (id)
            {
                case 1: physical = (PhysicalType)reader.ReadI32(type); break;
                case 3: repetition = (Repetition)reader.ReadI32(type); break;
                case 4: name = reader.ReadString(type); break;
                case 5: children = reader.ReadI32(type); break;
                case 6: converted = reader.ReadI32(type); break;
                case 10: logical = ReadLogicalType(ref reader, type); break;
                default: reader.Skip(type); break;
            }
        }
        if (repetition is < Repetition.Required or > Repetition.Repeated)
            throw new ParquetFormatException($"schema element '{name}' has an invalid repetition {(int)repetition}");
        if (children < 0)
            throw new ParquetFormatException($"schema element '{name}' has a negative child count");
        var (annotation, annotationName) = logical ?? FromConvertedType(converted);
        return new FooterSchemaElement(name, physical, repetition, children, annotation, annotationName);
    }

    /// <summary>The LogicalType union: the field id says which type it is.</summary>
    private static (Annotation, string) ReadLogicalType(ref ThriftCompactReader reader, ThriftType type)
    {
        if (type != ThriftType.Struct)
            throw new ParquetFormatException("schema logical type is not a struct");
        (Annotation, string) result = (Annotation.Other, "unknown logical type");
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var memberType))
        {
            if (id == 10)
            {
                result = ReadIntType(ref reader, memberType);
                continue;
            }
            reader.Skip(memberType);
            result = id switch
            {
                1 => (Annotation.String, "string"),
                2 => (Annotation.Map, "map"),
                3 => (Annotation.List, "list"),
                4 => (Annotation.String, "enum"),
                5 => (Annotation.Other, "decimal"),
                6 => (Annotation.Other, "date"),
                7 => (Annotation.Other, "time"),
                8 => (Annotation.Other, "timestamp"),
                11 => (Annotation.None, "null"),
                12 => (Annotation.String, "json"),
                13 => (Annotation.Other, "bson"),
                14 => (Annotation.Other, "uuid"),
                15 => (Annotation.Other, "float16"),
                _ => (Annotation.Other, "unknown logical type"),
            };
        }
        return result;
    }

    private static (Annotation, string) ReadIntType(ref ThriftCompactReader reader, ThriftType type)
    {
        if (type != ThriftType.Struct)
            throw new ParquetFormatException("schema integer type is not a struct");
        bool signed = true;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var fieldType))
        {
            if (id == 2) signed = ThriftCompactReader.ReadBool(fieldType);
            else reader.Skip(fieldType);
        }
        return signed ? (Annotation.Integer, "int") : (Annotation.UnsignedInteger, "uint");
    }

    private static (Annotation, string?) FromConvertedType(int? converted) => converted switch
    {
        null => (Annotation.None, null),
        0 => (Annotation.String, "string"),
        1 or 2 => (Annotation.Map, "map"),
        3 => (Annotation.List, "list"),
        4 => (Annotation.String, "enum"),
        5 => (Annotation.Other, "decimal"),
        6 => (Annotation.Other, "date"),
        7 or 8 => (Annotation.Other, "time"),
        9 or 10 => (Annotation.Other, "timestamp"),
        >= 11 and <= 14 => (Annotation.UnsignedInteger, "uint"),
        >= 15 and <= 18 => (Annotation.Integer, "int"),
        19 => (Annotation.String, "json"),
        20 => (Annotation.Other, "bson"),
        21 => (Annotation.Other, "interval"),
        _ => (Annotation.Other, "unknown converted type"),
    };

    private static FooterRowGroup ReadRowGroup(ref ThriftCompactReader reader)
    {
        var columns = new List<FooterColumnChunk>();
        long numRows = 0;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var type))
        {
            switch (id)
            {
                case 1:
                    int count = reader.ReadListHeader(type, out _);
                    for (int i = 0; i < count; i++) columns.Add(ReadColumnChunk(ref reader));
                    break;
                case 3:
                    numRows = reader.ReadI64(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }
        if (numRows < 0)
            throw new ParquetFormatException($"a row group has a negative row count ({numRows})");
        return new FooterRowGroup(numRows, columns);
    }

    private static FooterColumnChunk ReadColumnChunk(ref ThriftCompactReader reader)
    {
        FooterColumnChunk? chunk = null;
        bool inOtherFile = false;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var type))
        {
            switch (id)
            {
                case 1:
                    inOtherFile = reader.ReadBinary(type).Length > 0;
                    break;
                case 3:
                    if (type != ThriftType.Struct)
                        throw new ParquetFormatException("column chunk metadata is not a struct");
                    chunk = ReadColumnMetaData(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }
        if (chunk is null)
            throw new ParquetFormatException("a column chunk has no metadata (encrypted columns are not supported)");
        return chunk with { InOtherFile = inOtherFile };
    }

    private static FooterColumnChunk ReadColumnMetaData(ref ThriftCompactReader reader)
    {
        var path = new List<string>();
        PhysicalType physical = default;
        CompressionCodec codec = default;
        long numValues = 0, compressedSize = 0, dataPageOffset = 0;
        long? dictionaryPageOffset = null;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out var type))
        {
            switch (id)
            {
                case 1: physical = (PhysicalType)reader.ReadI32(type); break;
                case 3:
                    int count = reader.ReadListHeader(type, out _);
                    for (int i = 0; i < count; i++) path.Add(reader.ReadString(ThriftType.Binary));
                    break;
                case 4: codec = (CompressionCodec)reader.ReadI32(type); break;
                case 5: numValues = reader.ReadI64(type); break;
                case 7: compressedSize = reader.ReadI64(type); break;
                case 9: dataPageOffset = reader.ReadI64(type); break;
                case 11: dictionaryPageOffset = reader.ReadI64(type); break;
                default: reader.Skip(type); break;
            }
        }
        if (numValues < 0 || compressedSize < 0 || dataPageOffset < 0)
            throw new ParquetFormatException($"column '{string.Join('.', path)}' has negative sizes or offsets");
        return new FooterColumnChunk(path, physical, codec, numValues, compressedSize, dataPageOffset, dictionaryPageOffset, false);
    }
}
