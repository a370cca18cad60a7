namespace ClassVisCloud.Analytics.Contract;

/// <summary>The scores of every split, Count × C row-major, each row at its canonical position.</summary>
internal sealed class ScoreMatrix
{
    private readonly SplitLayout layout;
    private readonly ScoreMatrixWatch? watch;

    public ScoreMatrix(SplitLayout layout, int classCount, ScoreMatrixWatch? watch = null)
    {
        this.layout = layout;
        this.watch = watch;
        ClassCount = classCount;
        // Not zeroed first: every value is written before the matrix is used (a read that does not store every row
        // rejects the file), and clearing 280 MB for a million rows of 70 costs a pass over it for nothing.
        BySplit = layout.RowsBySplit.Select(rows => GC.AllocateUninitializedArray<float>(rows.Length * classCount)).ToArray();
        watch?.Allocated(BySplit, classCount);
    }

    public int ClassCount { get; }

    public float[][] BySplit { get; }

    /// <summary>Where the scores of a file row go: an array and the offset of the row in it.</summary>
    public (float[] Array, int Offset) RowOf(int fileRow) =>
        (BySplit[layout.SplitOfRow[fileRow]], layout.PositionOfRow[fileRow] * ClassCount);

    /// <summary>The file row's values are checked and in place.</summary>
    public void Stored(int fileRow) => watch?.RowStored(layout.SplitOfRow[fileRow], layout.PositionOfRow[fileRow]);
}
