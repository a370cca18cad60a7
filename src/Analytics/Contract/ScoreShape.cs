namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Watches the rows in file order for what tells logits from probabilities: the first row with a negative
/// value, and the first whose sum is outside 1 ± 1e-3.
/// </summary>
internal sealed class ScoreShape
{
    public const double SumTolerance = 1e-3;

    public long FirstNegativeRow { get; private set; } = -1;
    public double FirstNegativeValue { get; private set; }
    public long FirstBadSumRow { get; private set; } = -1;
    public double FirstBadSum { get; private set; }

    public bool LooksLikeLogits => FirstNegativeRow >= 0 || FirstBadSumRow >= 0;

    public void ObserveRow(long row, double sum, double min)
    {
        if (FirstNegativeRow < 0 && min < 0)
        {
            FirstNegativeRow = row;
            FirstNegativeValue = min;
        }
        if (FirstBadSumRow < 0 && Math.Abs(sum - 1) > SumTolerance)
        {
            FirstBadSumRow = row;
            FirstBadSum = sum;
        }
    }
}
