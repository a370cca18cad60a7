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
                var reader = file.OpenChunk(group, column.Leaf!, FloatDecoding.Instance);
                while (await reader.ReadBatchAsync(cancellationToken))
                    assembler.Consume(reader.Repetition, reader.Definition, reader.Values);
                assembler.EndRowGroup();
            }
            return assembler.Matrix ?? throw new ParquetFormatException("the column holds no rows");
        });
}
