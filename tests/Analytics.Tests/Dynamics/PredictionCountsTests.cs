using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class PredictionCountsTests
{
    [Fact]
    public void Counts_stay_sorted_by_class_whatever_order_the_classes_come_in()
    {
        var counts = PredictionCounts.Empty.Add(2, [-1, -1], null, [5, 1])
            .Add(2, null, null, [2, 1])
            .Add(2, null, null, [9, 0]);
        Assert.Equal([0, 3, 5], counts.Offsets);
        Assert.Equal([2, 5, 9, 0, 1], counts.Classes);
        Assert.Equal([1, 1, 1, 1, 2], counts.Counts);
    }

    [Fact]
    public void Absent_samples_keep_their_counts_and_new_ones_start_empty()
    {
        var counts = PredictionCounts.Empty.Add(1, [-1], null, [3])
            .Add(2, [0, -1], [-1, 0], [4]);
        Assert.Equal(3, counts.MostFrequent(0));
        Assert.Equal(4, counts.MostFrequent(1));
    }

    [Fact]
    public void A_sample_never_predicted_has_no_likely_class() =>
        Assert.Equal(-1, PredictionCounts.Empty.Add(1, [-1], [-1], []).MostFrequent(0));
}
