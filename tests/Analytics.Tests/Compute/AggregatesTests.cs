using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Compute;

public sealed class AggregatesTests
{
    static SplitColumns Columns(int[] labels, float[][] rows) => SplitColumns.From(new SplitPredictions
    {
        Name = "validation",
        SampleIds = labels.Select((_, i) => $"s{i}").ToArray(),
        Labels = labels,
        Probabilities = rows.SelectMany(r => r).ToArray(),
    }, rows[0].Length);

    [Fact]
    public void A_tie_goes_to_the_lowest_class_index() => Assert.Equal(1, Definitions.Predicted([0.1f, 0.45f, 0.45f]));

    [Fact]
    public void Accuracy_loss_confusion_and_histograms_follow_the_definitions()
    {
        var columns = Columns([0, 1, 1], [[0.7f, 0.3f], [0.6f, 0.4f], [0f, 1f]]);
        var aggregates = SplitAggregates.From(columns);
        Assert.Equal(3, aggregates.Samples);
        Assert.Equal(2, aggregates.Correct);
        var expectedLoss = (-Math.Log(0.7f) - Math.Log(0.4f) - Math.Log(1e-12 + 1 - 1e-12)) / 3;
        Assert.Equal(expectedLoss, aggregates.Loss, 6);
        Assert.Equal([1, 0], aggregates.Confusion[0]);
        Assert.Equal([1, 1], aggregates.Confusion[1]);
        Assert.Equal(2, aggregates.Classes[0].Predicted);
        Assert.Equal(1, aggregates.Classes[0].Correct);
        Assert.Equal(2, aggregates.Classes[1].Labelled);
        Assert.Equal((0.7 + 0.6) / 2, aggregates.Classes[0].MeanScore, 6);
        Assert.Equal(1, aggregates.Classes[0].ScoreHistogram[7]);
        Assert.Equal(1, aggregates.Classes[0].ScoreHistogram[6]);
        Assert.Equal(1, aggregates.Classes[1].ScoreHistogram[9]); // 1.0 falls in the last bin
    }

    [Fact]
    public void The_loss_of_a_zero_probability_is_capped_at_ln_1e12()
    {
        var aggregates = SplitAggregates.From(Columns([1], [[1f, 0f]]));
        Assert.Equal(-Math.Log(1e-12), aggregates.Loss, 3);
    }

    [Fact]
    public void The_margin_on_probabilities_is_the_label_minus_the_best_other()
    {
        var columns = Columns([2], [[0.5f, 0.2f, 0.3f]]);
        Assert.Equal(0.3f - 0.5f, columns.Margin[0], 6);
        Assert.Equal(0.3f, columns.LabelProbability[0]);
        Assert.Equal(0.5f, columns.Score[0]);
    }
}
