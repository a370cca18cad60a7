using System.Numerics;
using System.Text;
using Apache.Arrow;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// Copies a flat Arrow array's values into a .NET span, whatever physical form the writer chose (plain or
/// dictionary-encoded, 32- or 64-bit offsets, views, any integer width). Each method returns the index of the
/// first null in the array, or -1; a null slot's value is left as it was.
/// </summary>
internal static class ColumnValues
{
    /// <param name="dictionaries">
    /// Keeps the last decoded dictionary: Arrow hands every batch of a row group the same dictionary, which is
    /// then decoded once.
    /// </param>
    public static int Strings(IArrowArray array, Span<string> destination, DecodedDictionary? dictionaries = null)
    {
        switch (array)
        {
            case DictionaryArray dictionary:
                var words = (dictionaries ?? new DecodedDictionary()).Decode(dictionary.Dictionary);
                return Gather(dictionary, words, destination);
            case BinaryArray binary:
                return EachValid(binary, destination, (i, d) => d[i] = Decode(binary.GetBytes(i)));
            case LargeBinaryArray binary:
                return EachValid(binary, destination, (i, d) => d[i] = Decode(binary.GetBytes(i)));
            case BinaryViewArray binary:
                return EachValid(binary, destination, (i, d) => d[i] = Decode(binary.GetBytes(i)));
            default:
                throw new ParquetFormatException($"unexpected string array {array.Data.DataType.Name}");
        }
    }

    public static int Integers(IArrowArray array, Span<long> destination)
    {
        switch (array)
        {
            case DictionaryArray dictionary:
                return FromDictionary<long>(dictionary, Integers, destination);
            case Int8Array a: return Widen(a, a.Values, destination);
            case Int16Array a: return Widen(a, a.Values, destination);
            case Int32Array a: return Widen(a, a.Values, destination);
            case Int64Array a: return Widen(a, a.Values, destination);
            case UInt8Array a: return Widen(a, a.Values, destination);
            case UInt16Array a: return Widen(a, a.Values, destination);
            case UInt32Array a: return Widen(a, a.Values, destination);
            // Kept bit for bit (CreateTruncating): the caller knows the column is unsigned and reads it back as ulong.
            case UInt64Array a: return Widen(a, a.Values, destination);
            default:
                throw new ParquetFormatException($"unexpected integer array {array.Data.DataType.Name}");
        }
    }

    public static int Doubles(IArrowArray array, Span<double> destination)
    {
        switch (array)
        {
            case DictionaryArray dictionary:
                return FromDictionary<double>(dictionary, Doubles, destination);
            case FloatArray a: return Widen(a, a.Values, destination);
            case DoubleArray a:
                a.Values.CopyTo(destination);
                return FirstNull(a);
            default:
                throw new ParquetFormatException($"unexpected number array {array.Data.DataType.Name}");
        }
    }

    /// <summary>The index of the first null of <paramref name="array"/>, or -1.</summary>
    public static int FirstNull(IArrowArray array)
    {
        if (array.NullCount == 0) return -1;
        for (int i = 0; i < array.Length; i++)
            if (array.IsNull(i)) return i;
        return -1;
    }

    /// <summary>The strings of the last dictionary seen, reused while the next one holds the same bytes.</summary>
    internal sealed class DecodedDictionary
    {
        private byte[] bytes = [];
        private int[] offsets = [];
        private string[] words = [];

        public string[] Decode(IArrowArray dictionary)
        {
            if (dictionary is not BinaryArray binary || binary.Offset != 0)
            {
                var decoded = new string[dictionary.Length];
                Strings(dictionary, decoded);
                return decoded;
            }
            var valueOffsets = binary.ValueOffsets;
            var values = binary.Values[..valueOffsets[^1]];
            if (values.SequenceEqual(bytes) && valueOffsets.SequenceEqual(offsets)) return words;
            words = new string[binary.Length];
            Strings(binary, words);
            (bytes, offsets) = (values.ToArray(), valueOffsets.ToArray());
            return words;
        }
    }

    private static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private delegate void Store<T>(int index, Span<T> destination);

    private static int EachValid<T>(IArrowArray array, Span<T> destination, Store<T> store)
    {
        CheckLength(array, destination.Length);
        bool anyNull = array.NullCount > 0;
        for (int i = 0; i < array.Length; i++)
            if (!anyNull || array.IsValid(i)) store(i, destination);
        return FirstNull(array);
    }

    private static int Widen<TIn, TOut>(IArrowArray array, ReadOnlySpan<TIn> values, Span<TOut> destination)
        where TIn : INumberBase<TIn> where TOut : INumberBase<TOut>
    {
        CheckLength(array, destination.Length);
        for (int i = 0; i < values.Length; i++) destination[i] = TOut.CreateTruncating(values[i]);
        return FirstNull(array);
    }

    private delegate int Decoder<T>(IArrowArray array, Span<T> destination);

    /// <summary>Decodes the (small) dictionary, then looks each row's index up in it.</summary>
    private static int FromDictionary<T>(DictionaryArray dictionary, Decoder<T> decode, Span<T> destination)
    {
        var values = new T[dictionary.Dictionary.Length];
        decode(dictionary.Dictionary, values);
        return Gather(dictionary, values, destination);
    }

    /// <summary>Looks each index up in the decoded dictionary; a null index (or a null entry) is a null.</summary>
    private static int Gather<T>(DictionaryArray array, T[] dictionary, Span<T> destination)
    {
        CheckLength(array, destination.Length);
        var indexes = new long[array.Length];
        int firstNull = Integers(array.Indices, indexes);
        int firstNullEntry = FirstNull(array.Dictionary);
        for (int i = 0; i < indexes.Length; i++)
        {
            if (firstNull >= 0 && array.IsNull(i)) continue;
            long index = indexes[i];
            if ((ulong)index >= (ulong)dictionary.Length)
                throw new ParquetFormatException($"dictionary index {index} is beyond the dictionary's {dictionary.Length} entries");
            if (firstNullEntry >= 0 && array.Dictionary.IsNull((int)index))
            {
                if (firstNull < 0 || i < firstNull) firstNull = i;
                continue;
            }
            destination[i] = dictionary[index];
        }
        return firstNull;
    }

    private static void CheckLength(IArrowArray array, int room)
    {
        if (array.Length > room)
            throw new ParquetFormatException($"a batch of {array.Length} values does not fit the {room} expected");
    }
}
