using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class ConfusionSeriesTests
{
    // Three classes at epochs 2, 5, 9, 12 (rows = true class): 0→1 grows 1, 2, 4, 6; 2→0 falls 5, 5, 3, 2;
    // 1→2 is 0, 0, 2, 6; everything else off the diagonal is 0.
    static readonly ConfusionSeries Series = new([2, 5, 9, 12],
    [
        [[9, 1, 0], [0, 9, 0], [5, 0, 9]],
        [[9, 2, 0], [0, 9, 0], [5, 0, 9]],
        [[9, 4, 0], [0, 9, 2], [3, 0, 9]],
        [[9, 6, 0], [0, 9, 6], [2, 0, 9]],
    ]);

    [Fact]
    public void The_largest_pairs_at_the_last_epoch_come_first_ties_by_true_then_predicted_index()
    {
        var pairs = Series.LargestAtLast(10);
        Assert.Equal([(0, 1), (1, 2), (2, 0)], pairs.Select(p => (p.True, p.Predicted)));
        Assert.Equal([1, 2, 4, 6], pairs[0].Counts);
        Assert.Single(Series.LargestAtLast(1));
    }

    [Fact]
    public void Growth_over_the_last_k_epochs_compares_the_last_count_with_the_one_k_logged_epochs_before()
    {
        var window = Series.LastSteps(2);
        Assert.Equal([5L, 9L, 12L], window.Epochs);
        var grew = window.GrewMost(10);
        // 1→2: 6 − 0 = 6; 0→1: 6 − 2 = 4; 2→0 fell and is left out.
        Assert.Equal([(1, 2, 6), (0, 1, 4)], grew.Select(p => (p.True, p.Predicted, p.Growth)));
    }

    [Fact]
    public void A_window_longer_than_the_run_starts_at_its_first_epoch()
    {
        var window = Series.LastSteps(50);
        Assert.Equal([2L, 5L, 9L, 12L], window.Epochs);
        // 1→2: 6 − 0 = 6; 0→1: 6 − 1 = 5.
        Assert.Equal([(1, 2, 6), (0, 1, 5)], window.GrewMost(10).Select(p => (p.True, p.Predicted, p.Growth)));
    }

    [Fact]
    public void A_pair_confused_before_but_not_at_the_last_epoch_is_in_neither_ranking()
    {
        var healed = new ConfusionSeries([1, 2], [[[5, 3], [0, 5]], [[8, 0], [0, 5]]]);
        Assert.Empty(healed.LargestAtLast(10));
        Assert.Empty(healed.GrewMost(10));
    }

    [Fact]
    public void A_thousand_classes_rank_their_few_confused_cells_among_a_million()
    {
        const int classes = 1000;
        int[][] Matrix(int shift) => [.. Enumerable.Range(0, classes).Select(t =>
        {
            var row = new int[classes];
            row[t] = 40;
            if (t % 10 == 0) row[(t + 1) % classes] = t / 10 + shift;
            return row;
        })];
        var series = new ConfusionSeries([1, 2, 3], [Matrix(0), Matrix(1), Matrix(3)]);
        var largest = series.LargestAtLast(1000);
        Assert.Equal(100, largest.Count);
        Assert.Equal((990, 991, 102), (largest[0].True, largest[0].Predicted, largest[0].Last));
        Assert.Equal([99, 100, 102], largest[0].Counts);
        Assert.All(series.GrewMost(1000), p => Assert.Equal(3, p.Growth));
    }
}
