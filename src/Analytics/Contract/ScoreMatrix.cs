namespace ClassVisCloud.Analytics.Contract;

/// <summary>The scores of every split, Count × C row-major, each row at its canonical position.</summary>
internal sealed class ScoreMatrix
{
    private readonly SplitLayout layout;

    public ScoreMatrix(SplitLayout layout, int classCount)
    {
        this.layout = layout;
        ClassCount = classCount;
        BySplit = layout.RowsBySplit.Select(rows => new float[rows.Length * classCount]).ToArray();
    }

    public int ClassCount { get; }

    public float[][] BySplit { get; }

    /// <summary>Where the scores of a file row go: an array and the offset of the row in it.</summary>
    public (float[] Array, int Offset) RowOf(int fileRow) =>
        (BySplit[layout.SplitOfRow[fileRow]], layout.PositionOfRow[fileRow] * ClassCount);
}
