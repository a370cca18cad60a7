using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class SuspectRankingTests
{
    [Fact]
    public void Suspects_are_the_samples_with_a_negative_area_under_the_margin_lowest_first()
    {
        var state = TinyRun.StateAt(3);
        var target = TinyRun.Epochs[1];
        var (top, total) = SuspectRanking.Rank(state, target.SampleIds, target.SetHash, 10);
        Assert.Equal(1, total);
        var c = Assert.Single(top);
        // c: margins −0.7, −0.5 → −0.6; predicted 0 twice; wrong twice; p(label) 0.1, 0.2.
        Assert.Equal(new Suspect("c", 2, 0, -0.6f, 0.15f, 2), c with { Aum = MathF.Round(c.Aum, 6), Confidence = MathF.Round(c.Confidence, 6) });
    }

    [Fact]
    public void Likely_is_the_class_predicted_most_often_and_a_tie_goes_to_the_lowest_index()
    {
        var state = TinyRun.StateAt(7);
        int Likely(string id) => state.Predictions.MostFrequent(Array.IndexOf(state.Ids, id));
        Assert.Equal(0, Likely("a"));  // 1, 0, 0, 0
        Assert.Equal(1, Likely("b"));  // 1, 2, 1, 1
        Assert.Equal(0, Likely("c"));  // 0, 0, 1, 0
        Assert.Equal(0, Likely("d"));  // 0, 0, 2
        Assert.Equal(1, Likely("e"));  // 2, 1: a tie
    }

    [Fact]
    public void The_ranking_breaks_ties_by_sample_id_and_honours_the_limit()
    {
        var sorted = TinyRun.Epoch(1, new Seen("x", 0, 1, 0.1f, -0.9f), new Seen("y", 0, 1, 0.2f, -0.5f), new Seen("z", 0, 1, 0.1f, -0.5f));
        var state = DynamicsFold.Add(DynamicsState.Empty, sorted);
        var (top, total) = SuspectRanking.Rank(state, sorted.SampleIds, sorted.SetHash, 2);
        Assert.Equal(3, total);
        Assert.Equal(["x", "y"], top.Select(s => s.SampleId));
    }
}
