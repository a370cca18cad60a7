namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>Adds one logged epoch to a <see cref="DynamicsState"/>: epochs go in ascending order, each once.</summary>
public static class DynamicsFold
{
    public static DynamicsState Add(DynamicsState state, EpochInputs epoch)
    {
        if (epoch.Epoch <= state.LastEpoch)
            throw new InvalidOperationException($"Epoch {epoch.Epoch} cannot follow epoch {state.LastEpoch}: epochs are added in ascending order.");
        var alignment = SampleAlignment.Of(state.Ids, state.IdsHash, epoch.SampleIds, epoch.SetHash);
        var n = alignment.Union.Length;
        var next = new DynamicsState
        {
            Ids = alignment.Union, IdsHash = alignment.UnionHash, LastEpoch = epoch.Epoch,
            Observed = new int[n], Correct = new int[n], Forgettings = new int[n], LearnedSince = new long[n],
            MeanLabelProbability = new double[n], SquaredDeviations = new double[n], MarginSum = new double[n],
            LastLabel = new int[n], LastLabelProbability = new float[n], LastProbabilityMargin = new float[n],
            Predictions = state.Predictions.Add(n, alignment.OldIndexOf, alignment.EpochIndexOf, epoch.Predicted),
        };
        for (var s = 0; s < n; s++)
        {
            var old = alignment.OldIndexOf is null ? s : alignment.OldIndexOf[s];
            if (old >= 0) Copy(state, old, next, s);
            else next.LearnedSince[s] = -1;
            var at = alignment.EpochIndexOf is null ? s : alignment.EpochIndexOf[s];
            if (at >= 0) Observe(next, s, epoch, at);
        }
        return next;
    }

    static void Copy(DynamicsState from, int i, DynamicsState to, int s)
    {
        to.Observed[s] = from.Observed[i];
        to.Correct[s] = from.Correct[i];
        to.Forgettings[s] = from.Forgettings[i];
        to.LearnedSince[s] = from.LearnedSince[i];
        to.MeanLabelProbability[s] = from.MeanLabelProbability[i];
        to.SquaredDeviations[s] = from.SquaredDeviations[i];
        to.MarginSum[s] = from.MarginSum[i];
        to.LastLabel[s] = from.LastLabel[i];
        to.LastLabelProbability[s] = from.LastLabelProbability[i];
        to.LastProbabilityMargin[s] = from.LastProbabilityMargin[i];
    }

    static void Observe(DynamicsState state, int s, EpochInputs epoch, int at)
    {
        var correct = epoch.Predicted[at] == epoch.Labels[at];
        var p = (double)epoch.LabelProbability[at];
        var observed = ++state.Observed[s];
        // Welford: stable where the sum of squares minus the squared sum would cancel.
        var delta = p - state.MeanLabelProbability[s];
        state.MeanLabelProbability[s] += delta / observed;
        state.SquaredDeviations[s] += delta * (p - state.MeanLabelProbability[s]);
        state.MarginSum[s] += epoch.Margin[at];
        if (correct)
        {
            state.Correct[s]++;
            if (state.LearnedSince[s] < 0) state.LearnedSince[s] = epoch.Epoch;
        }
        else
        {
            if (state.LearnedSince[s] >= 0) state.Forgettings[s]++;
            state.LearnedSince[s] = -1;
        }
        state.LastLabel[s] = epoch.Labels[at];
        state.LastLabelProbability[s] = epoch.LabelProbability[at];
        state.LastProbabilityMargin[s] = epoch.ProbabilityMargin[at];
    }
}
