namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>The dynamics route's columns: the statistics of the samples of one split at one epoch (definitions: <see cref="DynamicsDefinitions"/>).</summary>
public sealed record SampleDynamics
{
    public required string Split { get; init; }
    public required long Epoch { get; init; }
    public required string[] SampleIds { get; init; }
    public required bool IntegerIds { get; init; }
    public required float[] Confidence { get; init; }
    public required float[] Variability { get; init; }
    public required float[] Correctness { get; init; }
    public required int[] Forgettings { get; init; }
    /// <summary>−1 stands for none (the answer's null).</summary>
    public required long[] FirstLearned { get; init; }
    public required float[] AreaUnderMargin { get; init; }
    public required float[] SelfConfidence { get; init; }
    public required float[] NormalizedMargin { get; init; }
    public required bool[] Suspect { get; init; }

    public int Count => SampleIds.Length;

    /// <summary>
    /// The statistics of <paramref name="sampleIds"/> (the selected epoch's samples, sorted) from the state at that
    /// epoch: each of them is present there, so their "last" values are the selected epoch's.
    /// </summary>
    public static SampleDynamics From(DynamicsState state, string split, bool integerIds, string[] sampleIds, string setHash)
    {
        var positions = setHash == state.IdsHash ? null : SampleAlignment.PositionsOf(sampleIds, state.Ids);
        var n = sampleIds.Length;
        var result = new SampleDynamics
        {
            Split = split, Epoch = state.LastEpoch, SampleIds = sampleIds, IntegerIds = integerIds,
            Confidence = new float[n], Variability = new float[n], Correctness = new float[n], Forgettings = new int[n],
            FirstLearned = new long[n], AreaUnderMargin = new float[n], SelfConfidence = new float[n], NormalizedMargin = new float[n],
            Suspect = new bool[n],
        };
        for (var i = 0; i < n; i++)
        {
            var s = positions is null ? i : positions[i];
            var observed = state.Observed[s];
            var aum = state.MarginSum[s] / observed;
            result.Confidence[i] = (float)state.MeanLabelProbability[s];
            result.Variability[i] = (float)Math.Sqrt(state.SquaredDeviations[s] / observed);
            result.Correctness[i] = (float)((double)state.Correct[s] / observed);
            result.Forgettings[i] = state.Forgettings[s];
            result.FirstLearned[i] = state.LearnedSince[s];
            result.AreaUnderMargin[i] = (float)aum;
            result.SelfConfidence[i] = state.LastLabelProbability[s];
            result.NormalizedMargin[i] = DynamicsDefinitions.NormalizedMargin(state.LastProbabilityMargin[s]);
            result.Suspect[i] = DynamicsDefinitions.IsSuspect(aum);
        }
        return result;
    }
}
