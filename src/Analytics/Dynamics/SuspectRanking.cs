namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>One likely label issue: its label at the selected epoch and the class the model preferred most often.</summary>
public sealed record Suspect(string SampleId, int Label, int Likely, float Aum, float Confidence, int Mispredictions);

/// <summary>The suspects of a split at an epoch, most suspicious first: area under the margin ascending, then sample id.</summary>
public static class SuspectRanking
{
    public static (IReadOnlyList<Suspect> Top, int Total) Rank(DynamicsState state, string[] sampleIds, string setHash, int limit)
    {
        var positions = setHash == state.IdsHash ? null : SampleAlignment.PositionsOf(sampleIds, state.Ids);
        var found = new List<(double Aum, int Index)>();
        for (var i = 0; i < sampleIds.Length; i++)
        {
            var s = positions is null ? i : positions[i];
            var aum = state.MarginSum[s] / state.Observed[s];
            if (DynamicsDefinitions.IsSuspect(aum)) found.Add((aum, i));
        }
        // Ids are sorted, so the index breaks ties by sample id.
        found.Sort((a, b) => a.Aum != b.Aum ? a.Aum.CompareTo(b.Aum) : a.Index.CompareTo(b.Index));
        var top = found.Take(limit).Select(f =>
        {
            var s = positions is null ? f.Index : positions[f.Index];
            return new Suspect(sampleIds[f.Index], state.LastLabel[s], state.Predictions.MostFrequent(s), (float)f.Aum,
                (float)state.MeanLabelProbability[s], state.Observed[s] - state.Correct[s]);
        }).ToList();
        return (top, found.Count);
    }
}
