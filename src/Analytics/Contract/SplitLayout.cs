namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// The canonical order of an epoch: splits sorted by name, and within each the rows sorted by sample id
/// (ordinal). Knowing every row's final place before the scores are read lets them be written there directly.
/// </summary>
internal sealed class SplitLayout
{
    private SplitLayout(string[] names, int[][] rowsBySplit, int[] splitOfRow, int[] positionOfRow)
    {
        Names = names;
        RowsBySplit = rowsBySplit;
        SplitOfRow = splitOfRow;
        PositionOfRow = positionOfRow;
    }

    /// <summary>Split names, sorted ordinal.</summary>
    public string[] Names { get; }

    /// <summary>Per split, the file rows in canonical (sample id) order.</summary>
    public int[][] RowsBySplit { get; }

    /// <summary>Per file row, its split's index in <see cref="Names"/>.</summary>
    public int[] SplitOfRow { get; }

    /// <summary>Per file row, its position within its split.</summary>
    public int[] PositionOfRow { get; }

    /// <summary>Sorts each split by sample id; rejects a sample id repeated within a split, naming both rows.</summary>
    public static SplitLayout Build(RowKeys keys)
    {
        string[] names = [.. keys.SplitNames.Order(StringComparer.Ordinal)];
        var rank = keys.SplitNames.Select(n => Array.BinarySearch(names, n, StringComparer.Ordinal)).ToArray();
        int rowCount = keys.SampleIds.Length;
        var splitOfRow = new int[rowCount];
        var counts = new int[names.Length];
        for (int row = 0; row < rowCount; row++)
            counts[splitOfRow[row] = rank[keys.SplitOfRow[row]]]++;

        var rowsBySplit = counts.Select(c => new int[c]).ToArray();
        var filled = new int[names.Length];
        for (int row = 0; row < rowCount; row++)
            rowsBySplit[splitOfRow[row]][filled[splitOfRow[row]]++] = row;

        var positionOfRow = new int[rowCount];
        for (int split = 0; split < names.Length; split++)
        {
            var rows = rowsBySplit[split];
            var ids = rows.Select(r => keys.SampleIds[r]).ToArray();
            OrdinalSort.Sort(ids, rows);
            RejectDuplicates(ids, rows, names[split]);
            for (int position = 0; position < rows.Length; position++) positionOfRow[rows[position]] = position;
        }
        return new SplitLayout(names, rowsBySplit, splitOfRow, positionOfRow);
    }

    /// <summary>
    /// Equal ids are adjacent once sorted. The first bad row in file order is the smallest row that repeats an
    /// earlier one: the second-smallest row of some run of equal ids.
    /// </summary>
    private static void RejectDuplicates(string[] sortedIds, int[] rows, string split)
    {
        int firstRow = -1, repeatRow = int.MaxValue;
        for (int runStart = 0, i = 1; i <= sortedIds.Length; i++)
        {
            if (i < sortedIds.Length && string.Equals(sortedIds[i], sortedIds[runStart], StringComparison.Ordinal)) continue;
            if (i - runStart > 1)
            {
                var run = rows.AsSpan(runStart, i - runStart).ToArray();
                Array.Sort(run);
                if (run[1] < repeatRow) (firstRow, repeatRow) = (run[0], run[1]);
            }
            runStart = i;
        }
        if (firstRow >= 0)
            throw new ContractViolationException(
                $"column 'sample_id' repeats '{RowNames.Quote(FindId(sortedIds, rows, firstRow))}' at rows {firstRow} and {repeatRow} (split '{split}'); sample ids must be unique per split");
    }

    private static string FindId(string[] sortedIds, int[] rows, int row) => sortedIds[Array.IndexOf(rows, row)];
}
