using System.Globalization;
using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Reads sample_id, label, split and epoch, one column after the other, rejecting nulls and an epoch column that
/// disagrees with the blob's epoch. Sample ids come first, so that every later reason names its row's id.
/// </summary>
internal static class RowKeysReader
{
    public const string DefaultSplit = "all";

    public static async Task<RowKeys> ReadAsync(ParquetSource file, PredictionsColumns columns, long epoch, int rowCount,
        CancellationToken cancellationToken)
    {
        var ids = new string[rowCount];
        var names = new RowNames(ids);
        var buffer = new long[Math.Min(rowCount, ParquetSource.MaxBatchRows)];
        Task Read(FileColumn column, Func<Apache.Arrow.IArrowArray, int, int> take) =>
            FlatColumnReader.ReadAsync(file, column, rowCount, names, take, cancellationToken);

        bool integerIds = columns.SampleId.Kind == ValueKind.Integer;
        if (integerIds)
        {
            bool unsigned = ArrowTypes.IsUnsigned64(columns.SampleId.Type);
            await Read(columns.SampleId, (array, start) =>
            {
                Grow(ref buffer, array.Length);
                int firstNull = ColumnValues.Integers(array, buffer);
                for (int i = 0; i < array.Length; i++)
                    ids[start + i] = unsigned ? ((ulong)buffer[i]).ToString(CultureInfo.InvariantCulture) : buffer[i].ToString(CultureInfo.InvariantCulture);
                return firstNull;
            });
        }
        else
        {
            var dictionary = new ColumnValues.DecodedDictionary();
            var sizes = new SampleIdSizes(names);
            await Read(columns.SampleId, (array, start) =>
            {
                int firstNull = ColumnValues.Strings(array, ids.AsSpan(start), dictionary);
                sizes.Check(ids, start, firstNull >= 0 ? firstNull : array.Length);
                return firstNull;
            });
        }

        long[]? integerLabels = null;
        string[]? stringLabels = null;
        if (columns.Label.Kind == ValueKind.Integer)
        {
            integerLabels = new long[rowCount];
            await Read(columns.Label, (array, start) => ColumnValues.Integers(array, integerLabels.AsSpan(start)));
        }
        else
        {
            stringLabels = new string[rowCount];
            var dictionary = new ColumnValues.DecodedDictionary();
            await Read(columns.Label, (array, start) => ColumnValues.Strings(array, stringLabels.AsSpan(start), dictionary));
        }

        var splitOfRow = new int[rowCount];
        var splits = new SplitNamer(names);
        if (columns.Split is { } split)
        {
            var strings = new string[buffer.Length];
            var dictionary = new ColumnValues.DecodedDictionary();
            await Read(split, (array, start) =>
            {
                Grow(ref strings, array.Length);
                int firstNull = ColumnValues.Strings(array, strings, dictionary);
                int end = firstNull >= 0 ? firstNull : array.Length;
                for (int i = 0; i < end; i++) splitOfRow[start + i] = splits.IndexOf(strings[i], start + i);
                return firstNull;
            });
        }
        else
        {
            splits.IndexOf(DefaultSplit, 0);
        }

        if (columns.Epoch is { } epochColumn)
        {
            await Read(epochColumn, (array, start) =>
            {
                Grow(ref buffer, array.Length);
                int firstNull = ColumnValues.Integers(array, buffer);
                int end = firstNull >= 0 ? firstNull : array.Length;
                int mismatch = buffer.AsSpan(0, end).IndexOfAnyExcept(epoch);
                if (mismatch >= 0)
                    throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                        $"column 'epoch' is {buffer[mismatch]} at {names[start + mismatch]}, but the file is epoch {epoch}"));
                return firstNull;
            });
        }

        return new RowKeys
        {
            SampleIds = ids,
            IntegerIds = integerIds,
            SplitOfRow = splitOfRow,
            SplitNames = splits.Names,
            IntegerLabels = integerLabels,
            StringLabels = stringLabels,
        };
    }

    private static void Grow<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new T[size];
    }

    /// <summary>
    /// Numbers split names in order of appearance, holding them to the contract's limits (count and length);
    /// consecutive rows usually name the same split.
    /// </summary>
    private sealed class SplitNamer(RowNames rows)
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> names = [];
        private string? last;
        private int lastIndex;

        public IReadOnlyList<string> Names => names;

        public int IndexOf(string name, int row)
        {
            if (ReferenceEquals(name, last) || string.Equals(name, last, StringComparison.Ordinal)) return lastIndex;
            if (!indexes.TryGetValue(name, out int index))
            {
                if (name.Length is 0 or > ContractLimits.MaxSplitNameLength)
                    throw new ContractViolationException(
                        $"column 'split' is '{RowNames.Quote(name)}' at {rows[row]}; a split name has 1 to {ContractLimits.MaxSplitNameLength} characters");
                if (names.Count == ContractLimits.MaxSplits)
                    throw new ContractViolationException(
                        $"column 'split' names a {ContractLimits.MaxSplits + 1}th split, '{RowNames.Quote(name)}', at {rows[row]}; a file may have at most {ContractLimits.MaxSplits} splits");
                index = names.Count;
                indexes.Add(name, index);
                names.Add(name);
            }
            last = name;
            lastIndex = index;
            return index;
        }
    }

    /// <summary>Holds sample ids to the contract's length limit, and all of a file's ids to the total the product sets.</summary>
    private sealed class SampleIdSizes(RowNames rows)
    {
        private long total;

        public void Check(string[] ids, int start, int count)
        {
            for (int row = start; row < start + count; row++)
            {
                string id = ids[row];
                int bytes = System.Text.Ascii.IsValid(id) ? id.Length : System.Text.Encoding.UTF8.GetByteCount(id);
                if (bytes > ContractLimits.MaxSampleIdBytes)
                    throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                        $"column 'sample_id' has {bytes:N0} UTF-8 bytes at {rows[row]}; a sample id has at most {ContractLimits.MaxSampleIdBytes}"));
                total += bytes;
                if (total > ContractLimits.MaxTotalSampleIdBytes)
                    throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                        $"column 'sample_id' passes {ContractLimits.MaxTotalSampleIdBytes:N0} bytes of ids in all at {rows[row]}; that is as much as one file may hold"));
            }
        }
    }
}
