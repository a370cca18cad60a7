using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Streams the <c>scores</c> list column, row group by row group and page by page, writing each row's vector
/// to its canonical place. C is the length of row 0; every other row must match it.
/// </summary>
internal static class ListScoresReader
{
    public static Task<ScoreMatrix> ReadAsync(ParquetFile file, TopLevelColumn column, SplitLayout layout, RowNames names,
        ClassCountCheck classCheck, ScoreShape shape, CancellationToken cancellationToken) =>
        DecodeGuard.ColumnAsync(column.Name, async () =>
        {
            var assembler = new ListRowAssembler(column, layout, names, classCheck, shape);
            for (int group = 0; group < file.Footer.RowGroups.Count; group++)
            {
                assembler.StartRowGroup(file.Footer.RowGroups[group].NumRows);
                using var reader = file.OpenChunk(group, column.Leaf!, FloatDecoding.Instance);
                while (await reader.ReadBatchAsync(cancellationToken))
                    assembler.Consume(reader.Repetition, reader.Definition, reader.Values);
                assembler.EndRowGroup();
            }
            return assembler.Matrix ?? throw new ParquetFormatException("the column holds no rows");
        });
}

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
        for (int i = 0; i < repetition.Length; i++)
        {
            if (repetition[i] == 0) StartRow();
            else if (repetition[i] != 1 || groupRowsSeen == 0)
                throw new ParquetFormatException($"invalid repetition level {repetition[i]}");

            int level = definition.IsEmpty ? maxDefinition : definition[i];
            if (level == maxDefinition) Add(values[next++]);
            else if (level >= column.EntryDefinition)
                throw new ContractViolationException($"column '{column.Name}' has a null value at {names[row]}");
            else if (column.ListNullable && level == 0)
                throw new ContractViolationException($"column '{column.Name}' is null at {names[row]}");
            else if (repetition[i] != 0)
                throw new ParquetFormatException($"an empty list continues at row {row}");
        }
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

    private void Add(double value)
    {
        float? score = ScoreValues.ToFloat(value, out string? problem);
        if (score is not float stored)
            throw new ContractViolationException($"column '{column.Name}' has {problem} at {names[row]}");
        if (Matrix is null)
        {
            if (firstRow.Count >= ContractLimits.MaxClasses)
                throw new ContractViolationException($"column '{column.Name}' has more than {ContractLimits.MaxClasses} values at {names[row]}");
            firstRow.Add(stored);
        }
        else if (length < Matrix.ClassCount)
        {
            target[targetOffset + length] = stored;
        }
        length++;
        sum += value;
        min = Math.Min(min, value);
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
