using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Reads the wide form, one <c>score_&lt;class&gt;</c> column per class, batch by batch. Within a batch every
/// column is checked before any reason is given, so the one reported is the first bad row.
/// </summary>
internal static class WideScoresReader
{
    public static async Task<ScoreMatrix> ReadAsync(ParquetSource file, IReadOnlyList<WideScoreColumn> columns, SplitLayout layout,
        RowNames names, ClassCountCheck classCheck, ScoreShape shape, ScoreMatrixWatch? watch, CancellationToken cancellationToken)
    {
        classCheck.Check(columns.Count);
        int rowCount = layout.SplitOfRow.Length;
        ContractLimits.CheckScoreCount(rowCount, columns.Count);
        var matrix = new ScoreMatrix(layout, columns.Count, watch);
        double[] values = [], sums = [], mins = [];
        int start = 0;
        string what = columns.Count == 1 ? $"column '{columns[0].Column.Name}'" : "the score_<class> columns";
        await DecodeGuard.ColumnsAsync(what, async () =>
        {
            await foreach (var batch in file.ReadAsync([.. columns.Select(c => c.Column)], cancellationToken))
            {
                using (batch)
                {
                    int rows = batch.Length;
                    if (rows > rowCount - start)
                        throw new ParquetFormatException($"the score columns hold more rows than the file's {rowCount}");
                    if (values.Length < rows) (values, sums, mins) = (new double[rows], new double[rows], new double[rows]);
                    sums.AsSpan(0, rows).Clear();
                    mins.AsSpan(0, rows).Fill(double.PositiveInfinity);
                    (long Row, string Reason)? firstProblem = null;
                    for (int k = 0; k < columns.Count; k++)
                    {
                        int firstNull = ColumnValues.Doubles(batch[k], values);
                        int end = firstNull >= 0 ? firstNull : rows;
                        var problem = Store(values.AsSpan(0, end), start, k, matrix, sums, mins, out string? problemText);
                        if (problem < 0 && firstNull >= 0) (problem, problemText) = (firstNull, "is null");
                        if (problem >= 0 && (firstProblem is null || start + problem < firstProblem.Value.Row))
                            firstProblem = (start + problem, $"column '{columns[k].Column.Name}' {problemText} at {names[start + problem]}");
                    }
                    if (firstProblem is { } found)
                        throw new ContractViolationException(found.Reason);
                    for (int i = 0; i < rows; i++)
                    {
                        shape.ObserveRow(start + i, sums[i], mins[i]);
                        matrix.Stored(start + i);
                    }
                    start += rows;
                }
            }
            if (start != rowCount)
                throw new ParquetFormatException($"the score columns hold {start} rows in a file of {rowCount}");
            return start;
        });
        return matrix;
    }

    /// <summary>Writes class <paramref name="k"/> of each row; returns the first row whose value is not finite, or -1.</summary>
    private static int Store(ReadOnlySpan<double> values, int start, int k, ScoreMatrix matrix, double[] sums, double[] mins, out string? problem)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (ScoreValues.ToFloat(values[i], out string? what) is not float score)
            {
                problem = "has " + what;
                return i;
            }
            var (array, offset) = matrix.RowOf(start + i);
            array[offset + k] = score;
            sums[i] += values[i];
            mins[i] = Math.Min(mins[i], values[i]);
        }
        problem = null;
        return -1;
    }
}
