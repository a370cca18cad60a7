using System.Globalization;
using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Reads sample_id, label, split and epoch, row group by row group, rejecting nulls and an epoch column that
/// disagrees with the blob's epoch.
/// </summary>
internal static class RowKeysReader
{
    public const string DefaultSplit = "all";

    public static async Task<RowKeys> ReadAsync(ParquetFile file, PredictionsColumns columns, long epoch, int rowCount,
        CancellationToken cancellationToken)
    {
        var ids = new string[rowCount];
        var names = new RowNames(ids);
        bool integerIds = columns.SampleId.Leaf!.Kind == ValueKind.Integer;
        bool integerLabels = columns.Label.Leaf!.Kind == ValueKind.Integer;
        var integerLabelValues = integerLabels ? new long[rowCount] : null;
        var stringLabelValues = integerLabels ? null : new string[rowCount];
        var splitOfRow = new int[rowCount];
        var splits = new SplitNamer();
        long[] integers = [];
        string[] strings = [];

        int start = 0;
        for (int group = 0; group < file.Footer.RowGroups.Count; group++)
        {
            int rows = (int)file.Footer.RowGroups[group].NumRows;
            async Task Read<T>(TopLevelColumn column, ValueDecoding<T> decoding, Memory<T> destination)
            {
                int firstNull = await FlatColumnReader.ReadAsync(file, group, column, decoding, destination, cancellationToken);
                if (firstNull >= 0)
                    throw new ContractViolationException($"column '{column.Name}' is null at {names[start + firstNull]}");
            }

            if (integerIds)
            {
                Grow(ref integers, rows);
                await Read(columns.SampleId, IntegerDecoding.Instance, integers.AsMemory(0, rows));
                bool unsigned = columns.SampleId.Leaf!.Unsigned;
                for (int i = 0; i < rows; i++)
                    ids[start + i] = unsigned ? ((ulong)integers[i]).ToString(CultureInfo.InvariantCulture) : integers[i].ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                await Read(columns.SampleId, StringDecoding.Instance, ids.AsMemory(start, rows));
            }

            if (integerLabels) await Read(columns.Label, IntegerDecoding.Instance, integerLabelValues.AsMemory(start, rows));
            else await Read(columns.Label, StringDecoding.Instance, stringLabelValues.AsMemory(start, rows));

            if (columns.Split is { } split)
            {
                Grow(ref strings, rows);
                await Read(split, StringDecoding.Instance, strings.AsMemory(0, rows));
                for (int i = 0; i < rows; i++) splitOfRow[start + i] = splits.IndexOf(strings[i]);
            }

            if (columns.Epoch is { } epochColumn)
            {
                Grow(ref integers, rows);
                await Read(epochColumn, IntegerDecoding.Instance, integers.AsMemory(0, rows));
                int mismatch = integers.AsSpan(0, rows).IndexOfAnyExcept(epoch);
                if (mismatch >= 0)
                    throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                        $"column 'epoch' is {integers[mismatch]} at {names[start + mismatch]}, but the file is epoch {epoch}"));
            }
            start += rows;
        }

        if (columns.Split is null) splits.IndexOf(DefaultSplit);
        return new RowKeys
        {
            SampleIds = ids,
            IntegerIds = integerIds,
            SplitOfRow = splitOfRow,
            SplitNames = splits.Names,
            IntegerLabels = integerLabelValues,
            StringLabels = stringLabelValues,
        };
    }

    private static void Grow<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new T[size];
    }

    /// <summary>Numbers split names in order of appearance; consecutive rows usually share the same string instance.</summary>
    private sealed class SplitNamer
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> names = [];
        private string? last;
        private int lastIndex;

        public IReadOnlyList<string> Names => names;

        public int IndexOf(string name)
        {
            if (ReferenceEquals(name, last)) return lastIndex;
            if (!indexes.TryGetValue(name, out int index))
            {
                index = names.Count;
                indexes.Add(name, index);
                names.Add(name);
            }
            last = name;
            lastIndex = index;
            return index;
        }
    }
}
