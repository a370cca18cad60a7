namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>Dictionary indexes (a bit-width byte, then RLE/bit-packed) mapped through the chunk's dictionary.</summary>
internal sealed class DictionaryDecoder<T> : IValueDecoder<T>
{
    private readonly T[] dictionary;
    private readonly RleBitPackedReader indexes = new();
    private int[] batch = [];

    public DictionaryDecoder(T[] dictionary, ReadOnlyMemory<byte> data)
    {
        if (data.Length == 0)
            throw new ParquetFormatException("a dictionary-encoded page has no bit width");
        this.dictionary = dictionary;
        indexes.Reset(data[1..], data.Span[0]);
    }

    public void Read(Span<T> destination)
    {
        if (batch.Length < destination.Length) batch = new int[destination.Length];
        var span = batch.AsSpan(0, destination.Length);
        indexes.Read(span);
        for (int i = 0; i < span.Length; i++)
        {
            int index = span[i];
            if ((uint)index >= (uint)dictionary.Length)
                throw new ParquetFormatException($"dictionary index {index} is out of range (the dictionary has {dictionary.Length} entries)");
            destination[i] = dictionary[index];
        }
    }
}
