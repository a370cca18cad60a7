using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>Rebuilds rows from repetition and definition levels (Dremel) and validates each as it ends.</summary>
internal sealed class ListRowAssembler(TopLevelColumn column, SplitLayout layout, RowNames names, ClassCountCheck classCheck, ScoreShape shape)
{
    private readonly int maxDefinition = column.MaxDefinition;
    private readonly List<float> firstRow = [];
    private long row = -1;
    private long groupRows;
    private long groupRowsSeen;
    private int length;
    private double sum;
    private double min;
    private float[] target = [];
    private int targetOffset;

    public ScoreMatrix? Matrix { get; private set; }

    public void StartRowGroup(long rows)
    {
        groupRows = rows;
        groupRowsSeen = 0;
    }

    public void Consume(ReadOnlySpan<int> repetition, ReadOnlySpan<int> definition, ReadOnlySpan<double> values)
    {
        int next = 0;
        for (int i = 0; i < repetition.Length;)
        {
            if (repetition[i] == 0) StartRow();
            else if (repetition[i] != 1 || groupRowsSeen == 0)
                throw new ParquetFormatException($"invalid repetition level {repetition[i]}");

            // The entries up to the next row start belong to this row; all defined is the common case.
            int end = repetition[(i + 1)..].IndexOf(0);
            end = end < 0 ? repetition.Length : i + 1 + end;
            if (repetition[(i + 1)..end].IndexOfAnyExcept(1) >= 0)
                throw new ParquetFormatException("invalid repetition level for a list of numbers");
            if (definition.IsEmpty || definition[i..end].IndexOfAnyExcept(maxDefinition) < 0)
            {
                AddRange(values.Slice(next, end - i));
                next += end - i;
            }
            else
            {
                for (int j = i; j < end; j++) next = AddEntry(definition[j], repetition[j], values, next);
            }
            i = end;
        }
    }

    /// <summary>One entry that may be a null or an empty list: the rare path.</summary>
    private int AddEntry(int level, int repetitionLevel, ReadOnlySpan<double> values, int next)
    {
        if (level == maxDefinition)
        {
            AddRange(values.Slice(next, 1));
            return next + 1;
        }
        if (level >= column.EntryDefinition)
            throw new ContractViolationException($"column '{column.Name}' has a null value at {names[row]}");
        if (column.ListNullable && level == 0)
            throw new ContractViolationException($"column '{column.Name}' is null at {names[row]}");
        if (repetitionLevel != 0)
            throw new ParquetFormatException($"an empty list continues at row {row}");
        return next;
    }

    public void EndRowGroup()
    {
        if (groupRowsSeen > 0) EndRow();
        if (groupRowsSeen != groupRows)
            throw new ParquetFormatException($"the column holds {groupRowsSeen} rows in a row group of {groupRows}");
    }

    private void StartRow()
    {
        if (groupRowsSeen > 0) EndRow();
        if (++groupRowsSeen > groupRows)
            throw new ParquetFormatException($"the column holds more rows than its row group's {groupRows}");
        row++;
        length = 0;
        sum = 0;
        min = double.PositiveInfinity;
        if (Matrix is not null) (target, targetOffset) = Matrix.RowOf((int)row);
    }

    /// <summary>Stores a run of the current row's values, checking each is a finite float.</summary>
    private void AddRange(ReadOnlySpan<double> values)
    {
        if (Matrix is null)
        {
            AddToFirstRow(values);
            return;
        }
        int room = Math.Clamp(Matrix.ClassCount - length, 0, values.Length);
        var destination = target.AsSpan(targetOffset + length, room);
        for (int k = 0; k < values.Length; k++)
        {
            double value = values[k];
            float narrowed = (float)value;
            if (!float.IsFinite(narrowed)) Reject(value);
            if (k < room) destination[k] = narrowed;
            sum += value;
            if (value < min) min = value;
        }
        length += values.Length;
    }

    private void AddToFirstRow(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            float narrowed = (float)value;
            if (!float.IsFinite(narrowed)) Reject(value);
            if (firstRow.Count >= ContractLimits.MaxClasses)
                throw new ContractViolationException($"column '{column.Name}' has more than {ContractLimits.MaxClasses} values at {names[row]}");
            firstRow.Add(narrowed);
            sum += value;
            min = Math.Min(min, value);
        }
        length += values.Length;
    }

    private void Reject(double value)
    {
        ScoreValues.ToFloat(value, out string? problem);
        throw new ContractViolationException($"column '{column.Name}' has {problem} at {names[row]}");
    }

    private void EndRow()
    {
        if (Matrix is null) StartMatrix();
        if (length != Matrix!.ClassCount)
            throw new ContractViolationException(
                $"column '{column.Name}' has {length} values at {names[row]}; expected {Matrix.ClassCount} like row 0");
        shape.ObserveRow(row, sum, min);
    }

    /// <summary>Row 0 sets C: check it against the run, then give every row its place.</summary>
    private void StartMatrix()
    {
        if (firstRow.Count == 0)
            throw new ContractViolationException($"column '{column.Name}' is empty at {names[row]}");
        classCheck.Check(firstRow.Count);
        ContractLimits.CheckScoreCount(layout.SplitOfRow.Length, firstRow.Count);
        Matrix = new ScoreMatrix(layout, firstRow.Count);
        (target, targetOffset) = Matrix.RowOf((int)row);
        firstRow.CopyTo(target, targetOffset);
    }
}
