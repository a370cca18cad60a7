using System.Numerics.Tensors;
using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Reads the <c>scores</c> list column batch by batch, checking each row and writing its vector straight to its
/// canonical place. C is the length of row 0; every other row must match it.
/// </summary>
internal static class ListScoresReader
{
    public static Task<ScoreMatrix> ReadAsync(ParquetSource file, FileColumn column, SplitLayout layout, RowNames names,
        ClassCountCheck classCheck, ScoreShape shape, ScoreMatrixWatch? watch, CancellationToken cancellationToken) =>
        DecodeGuard.ColumnAsync(column.Name, async () =>
        {
            var rows = new RowChecker(column.Name, layout, names, shape);
            await foreach (var batch in file.ReadAsync([column], cancellationToken))
            {
                using (batch)
                {
                    var lists = ScoreLists.Of(batch[0]);
                    rows.Matrix ??= StartMatrix(lists, column.Name, layout, names, classCheck, watch);
                    for (int i = 0; i < lists.Length; i++) rows.Store(lists, i);
                }
            }
            if (rows.Matrix is null || rows.Count != layout.SplitOfRow.Length)
                throw new ParquetFormatException($"the column holds {rows.Count} rows, not the file's {layout.SplitOfRow.Length}");
            return rows.Matrix;
        });

    /// <summary>Row 0 sets C: check it against the run, then give every row its place.</summary>
    private static ScoreMatrix StartMatrix(ScoreLists lists, string column, SplitLayout layout, RowNames names, ClassCountCheck classCheck,
        ScoreMatrixWatch? watch)
    {
        if (lists.Length == 0) throw new ParquetFormatException("an empty batch");
        if (lists.IsNull(0)) throw new ContractViolationException($"column '{column}' is null at {names[0]}");
        int classes = lists.Range(0).Count;
        if (classes == 0) throw new ContractViolationException($"column '{column}' is empty at {names[0]}");
        classCheck.Check(classes);
        ContractLimits.CheckScoreCount(layout.SplitOfRow.Length, classes);
        return new ScoreMatrix(layout, classes, watch);
    }

    /// <summary>Checks one row after another (in file order) and stores it.</summary>
    private sealed class RowChecker(string column, SplitLayout layout, RowNames names, ScoreShape shape)
    {
        public ScoreMatrix? Matrix { get; set; }

        /// <summary>Rows seen so far; the next row's index in the file.</summary>
        public int Count { get; private set; }

        public void Store(ScoreLists lists, int i)
        {
            int row = Count++;
            if (row >= layout.SplitOfRow.Length)
                throw new ParquetFormatException($"the column holds more rows than the file's {layout.SplitOfRow.Length}");
            if (lists.IsNull(i)) throw new ContractViolationException($"column '{column}' is null at {names[row]}");
            var (start, count) = lists.Range(i);
            if (lists.HasNullValues)
            {
                for (int k = start; k < start + count; k++)
                    if (lists.Values.IsNull(k)) throw new ContractViolationException($"column '{column}' has a null value at {names[row]}");
            }

            int classes = Matrix!.ClassCount;
            var (array, offset) = Matrix.RowOf(row);
            // Values are checked before the length, so a NaN is reported as such even in a row of the wrong length.
            var target = count == classes ? array.AsSpan(offset, classes) : default;
            var (sum, min) = lists.Floats is { } floats
                ? CopyFloats(floats.Values.Slice(start, count), target, row)
                : CopyDoubles(lists.Doubles!.Values.Slice(start, count), target, row);
            if (count != classes)
                throw new ContractViolationException($"column '{column}' has {count} values at {names[row]}; expected {classes} like row 0");
            shape.ObserveRow(row, sum, min);
            Matrix.Stored(row);
        }

        private (double Sum, double Min) CopyFloats(ReadOnlySpan<float> values, Span<float> target, int row)
        {
            if (values.IsEmpty) return (0, double.PositiveInfinity);
            // Vectorized: a finite float sum means every value is finite (a NaN or an infinity would carry through),
            // and it is within 1e-5 of the double sum for any row of probabilities. A row near the edge of 1 ± 1e-3,
            // or whose sum is not finite, is summed again value by value in double, as the contract's check is defined.
            float quickSum = TensorPrimitives.Sum(values);
            double sum;
            if (float.IsFinite(quickSum) && Math.Abs(quickSum - 1) < ScoreShape.SumTolerance / 2) sum = quickSum;
            else sum = ExactSum(values, row);
            if (!target.IsEmpty) values.CopyTo(target);
            return (sum, TensorPrimitives.Min(values));
        }

        private double ExactSum(ReadOnlySpan<float> values, int row)
        {
            double sum = 0;
            foreach (float value in values)
            {
                if (!float.IsFinite(value)) Reject(value, row);
                sum += value;
            }
            return sum;
        }

        private (double Sum, double Min) CopyDoubles(ReadOnlySpan<double> values, Span<float> target, int row)
        {
            double sum = 0, min = double.PositiveInfinity;
            for (int k = 0; k < values.Length; k++)
            {
                double value = values[k];
                float narrowed = (float)value;
                if (!float.IsFinite(narrowed)) Reject(value, row);
                if (!target.IsEmpty) target[k] = narrowed;
                sum += value;
                if (value < min) min = value;
            }
            return (sum, min);
        }

        private void Reject(double value, int row)
        {
            ScoreValues.ToFloat(value, out string? problem);
            throw new ContractViolationException($"column '{column}' has {problem} at {names[row]}");
        }
    }
}
