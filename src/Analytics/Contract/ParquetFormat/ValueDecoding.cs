namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>Decodes the non-null values of one page, a batch at a time.</summary>
internal interface IValueDecoder<T>
{
    /// <summary>Fills <paramref name="destination"/> completely, or throws if the page holds fewer values.</summary>
    void Read(Span<T> destination);
}

/// <summary>
/// How the values of one kind of leaf (integers, floats, strings) are decoded from each encoding Parquet
/// writers use for it. One instance per kind; decoders it creates read one page.
/// </summary>
internal abstract class ValueDecoding<T>
{
    /// <summary>Decodes a dictionary page (always plain encoded).</summary>
    public T[] DecodeDictionary(ReadOnlyMemory<byte> values, int count, LeafColumn leaf)
    {
        // Every plain value takes at least four bytes, which bounds what a header may claim.
        if (count > values.Length / 4)
            throw new ParquetFormatException($"a dictionary page claims {count} values in {values.Length} bytes");
        var dictionary = new T[count];
        CreatePlain(values, leaf).Read(dictionary);
        return dictionary;
    }

    /// <summary>A decoder for one data page, which holds at most <paramref name="maxValues"/> non-null values.</summary>
    public IValueDecoder<T> Create(ValueEncoding encoding, ReadOnlyMemory<byte> values, int maxValues, LeafColumn leaf, T[]? dictionary)
    {
        if (encoding is ValueEncoding.PlainDictionary or ValueEncoding.RleDictionary)
            return new DictionaryDecoder<T>(dictionary ?? throw new ParquetFormatException("a dictionary-encoded page has no dictionary page"), values);
        return encoding == ValueEncoding.Plain
            ? CreatePlain(values, leaf)
            : CreateOther(encoding, values, maxValues, leaf)
              ?? throw new ParquetFormatException($"encoding {encoding} is not supported for {leaf.TypeName} values");
    }

    protected abstract IValueDecoder<T> CreatePlain(ReadOnlyMemory<byte> values, LeafColumn leaf);

    /// <summary>The kind's other encodings (delta, byte stream split); null when it has none for this one.</summary>
    protected abstract IValueDecoder<T>? CreateOther(ValueEncoding encoding, ReadOnlyMemory<byte> values, int maxValues, LeafColumn leaf);
}
