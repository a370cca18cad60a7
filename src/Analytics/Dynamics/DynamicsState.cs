namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// The running per-sample sums of one split over a chain of logged epochs: everything the statistics at the
/// chain's last epoch need, and all that folding the next epoch needs. Samples are every id seen in the chain
/// (sorted ordinal), so a sample missing from some epochs keeps its history. Immutable once built.
/// </summary>
public sealed class DynamicsState
{
    public required string[] Ids { get; init; }
    public required string IdsHash { get; init; }
    /// <summary>The last epoch folded in; −1 for none.</summary>
    public required long LastEpoch { get; init; }
    /// <summary>Logged epochs in which the sample was present.</summary>
    public required int[] Observed { get; init; }
    public required int[] Correct { get; init; }
    public required int[] Forgettings { get; init; }
    /// <summary>Start of the run of correct epochs the sample is in at its last logged epoch; −1 when it was wrong there.</summary>
    public required long[] LearnedSince { get; init; }
    /// <summary>Welford's running mean and sum of squared deviations of p(label).</summary>
    public required double[] MeanLabelProbability { get; init; }
    public required double[] SquaredDeviations { get; init; }
    public required double[] MarginSum { get; init; }
    /// <summary>At the sample's last logged epoch: its label, p(label) and p(label) − max other p.</summary>
    public required int[] LastLabel { get; init; }
    public required float[] LastLabelProbability { get; init; }
    public required float[] LastProbabilityMargin { get; init; }
    public required PredictionCounts Predictions { get; init; }

    public int Count => Ids.Length;

    public static DynamicsState Empty { get; } = new()
    {
        Ids = [], IdsHash = Storage.ColumnCodec.SetHash([]), LastEpoch = -1, Observed = [], Correct = [], Forgettings = [],
        LearnedSince = [], MeanLabelProbability = [], SquaredDeviations = [], MarginSum = [], LastLabel = [],
        LastLabelProbability = [], LastProbabilityMargin = [], Predictions = PredictionCounts.Empty,
    };

    /// <summary>Bytes held, for the cache's budget (ids counted as UTF-16 strings with their object headers).</summary>
    public long SizeInBytes => Count * 64L + Ids.Sum(id => 24L + 2L * id.Length) + Predictions.Classes.Length * 8L;
}
