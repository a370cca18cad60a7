namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>An off-diagonal cell of the confusion matrix (rows = true class) and its count at each epoch of a series.</summary>
public sealed record ConfusionPair(int True, int Predicted, int[] Counts)
{
    public int Last => Counts[^1];
    public int Growth => Counts[^1] - Counts[0];
}

/// <summary>A split's confusion matrices over its logged epochs, ascending.</summary>
public sealed record ConfusionSeries(long[] Epochs, int[][][] Matrices)
{
    /// <summary>The pairs most confused at the last epoch: count descending, then true and predicted index; zero counts left out.</summary>
    public IReadOnlyList<ConfusionPair> LargestAtLast(int top) =>
        Pairs(this).Where(p => p.Last > 0)
            .OrderByDescending(p => p.Last).ThenBy(p => p.True).ThenBy(p => p.Predicted).Take(top).ToList();

    /// <summary>
    /// The last <paramref name="k"/> logged epochs and the one before them (all of them when there are fewer): the
    /// window whose first and last counts give each pair's growth.
    /// </summary>
    public ConfusionSeries LastSteps(int k)
    {
        var from = Math.Max(0, Epochs.Length - 1 - k);
        return new ConfusionSeries(Epochs[from..], Matrices[from..]);
    }

    /// <summary>The pairs whose count grew most from the first to the last epoch: growth descending, then count at the last, then indices; only growth above 0.</summary>
    public IReadOnlyList<ConfusionPair> GrewMost(int top) =>
        Pairs(this).Where(p => p.Growth > 0)
            .OrderByDescending(p => p.Growth).ThenByDescending(p => p.Last).ThenBy(p => p.True).ThenBy(p => p.Predicted).Take(top).ToList();

    static IEnumerable<ConfusionPair> Pairs(ConfusionSeries series)
    {
        var classes = series.Matrices.Length == 0 ? 0 : series.Matrices[0].Length;
        for (var t = 0; t < classes; t++)
            for (var p = 0; p < classes; p++)
                if (t != p) yield return new ConfusionPair(t, p, series.Matrices.Select(m => m[t][p]).ToArray());
    }
}
