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
        Pairs(this)
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

    /// <summary>
    /// The off-diagonal cells confused at the last epoch, the only ones either ranking keeps (a growth above 0 ends
    /// above 0): at 1,000 classes that is a few thousand pairs instead of a million, each with its counts.
    /// </summary>
    static IEnumerable<ConfusionPair> Pairs(ConfusionSeries series)
    {
        if (series.Matrices.Length == 0) yield break;
        var last = series.Matrices[^1];
        for (var t = 0; t < last.Length; t++)
            for (var p = 0; p < last.Length; p++)
                if (t != p && last[t][p] > 0) yield return new ConfusionPair(t, p, series.Matrices.Select(m => m[t][p]).ToArray());
    }
}
