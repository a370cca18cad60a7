using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

/// <summary>Every statistic of <see cref="TinyRun"/> against values worked out by hand (comments show the arithmetic).</summary>
public sealed class SampleDynamicsTests
{
    const double Tolerance = 1e-6;
    static readonly SampleDynamics AtSeven = TinyRun.At(7);

    static int Row(SampleDynamics d, string id) => Array.IndexOf(d.SampleIds, id);

    static void Close(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], Tolerance);
    }

    [Fact]
    public void Confidence_is_the_mean_of_p_label_over_the_samples_own_epochs()
    {
        Assert.Equal(0.625, AtSeven.Confidence[Row(AtSeven, "a")], Tolerance);   // (0.2 + 0.6 + 0.8 + 0.9) / 4
        Assert.Equal(0.525, AtSeven.Confidence[Row(AtSeven, "b")], Tolerance);   // (0.7 + 0.3 + 0.6 + 0.5) / 4
        Assert.Equal(0.175, AtSeven.Confidence[Row(AtSeven, "c")], Tolerance);   // (0.1 + 0.2 + 0.3 + 0.1) / 4
        Assert.Equal(0.5, AtSeven.Confidence[Row(AtSeven, "d")], Tolerance);     // (0.5 + 0.6 + 0.4) / 3: d misses epoch 3
        Assert.Equal(0.45, AtSeven.Confidence[Row(AtSeven, "e")], Tolerance);    // (0.3 + 0.6) / 2: e starts at epoch 4
    }

    [Fact]
    public void Variability_is_the_population_standard_deviation_of_p_label()
    {
        Assert.Equal(Math.Sqrt(0.2875 / 4), AtSeven.Variability[Row(AtSeven, "a")], Tolerance);  // 0.425² + 0.025² + 0.175² + 0.275²
        Assert.Equal(Math.Sqrt(0.0875 / 4), AtSeven.Variability[Row(AtSeven, "b")], Tolerance);  // 0.175² + 0.225² + 0.075² + 0.025²
        Assert.Equal(Math.Sqrt(0.0275 / 4), AtSeven.Variability[Row(AtSeven, "c")], Tolerance);  // 0.075² + 0.025² + 0.125² + 0.075²
        Assert.Equal(Math.Sqrt(0.02 / 3), AtSeven.Variability[Row(AtSeven, "d")], Tolerance);    // 0² + 0.1² + 0.1²
        Assert.Equal(0.15, AtSeven.Variability[Row(AtSeven, "e")], Tolerance);
    }

    [Fact]
    public void Correctness_is_the_fraction_of_the_samples_epochs_it_was_right()
    {
        Close([0.75, 0.75, 0, 2 / 3.0, 0.5], AtSeven.Correctness);
    }

    [Fact]
    public void Forgettings_count_correct_to_wrong_steps_between_the_samples_consecutive_epochs()
    {
        // a: ✗✓✓✓ 0; b: ✓✗✓✓ 1; c: never right 0; d: ✓·✓✗ 1 (epoch 1 → 4 is a step for d); e: ✗✓ 0
        Assert.Equal([0, 1, 0, 1, 0], AtSeven.Forgettings);
    }

    [Fact]
    public void First_learned_is_where_the_final_run_of_correct_epochs_starts_else_none()
    {
        // a learned at 3 for good; b forgot at 3, learned again at 4; c never learned; d was forgotten at 7; e learned at 7.
        Assert.Equal([3L, 4L, -1L, -1L, 7L], AtSeven.FirstLearned);
    }

    [Fact]
    public void Area_under_the_margin_is_the_mean_margin_and_below_zero_makes_a_suspect()
    {
        Assert.Equal(0.3875, AtSeven.AreaUnderMargin[Row(AtSeven, "a")], Tolerance);   // (−0.3 + 0.3 + 0.7 + 0.85) / 4
        Assert.Equal(0.175, AtSeven.AreaUnderMargin[Row(AtSeven, "b")], Tolerance);    // (0.5 − 0.2 + 0.3 + 0.1) / 4
        Assert.Equal(-0.525, AtSeven.AreaUnderMargin[Row(AtSeven, "c")], Tolerance);   // (−0.7 − 0.5 − 0.1 − 0.8) / 4
        Assert.Equal(0.5 / 3, AtSeven.AreaUnderMargin[Row(AtSeven, "d")], Tolerance);  // (0.2 + 0.4 − 0.1) / 3
        Assert.Equal(0.05, AtSeven.AreaUnderMargin[Row(AtSeven, "e")], Tolerance);     // (−0.2 + 0.3) / 2
        Assert.Equal([false, false, true, false, false], AtSeven.Suspect);
    }

    [Fact]
    public void Self_confidence_and_normalized_margin_are_taken_at_the_selected_epoch()
    {
        Close([0.9, 0.5, 0.1, 0.4, 0.6], AtSeven.SelfConfidence);
        Close([0.925, 0.55, 0.1, 0.45, 0.65], AtSeven.NormalizedMargin);  // (margin at 7 + 1) / 2
    }

    [Fact]
    public void An_earlier_epoch_counts_only_the_epochs_up_to_it_and_lists_only_its_own_samples()
    {
        var atThree = TinyRun.At(3);
        Assert.Equal(["a", "b", "c"], atThree.SampleIds);
        Assert.Equal(3, atThree.Epoch);
        Close([0.4, 0.5, 0.15], atThree.Confidence);
        Close([0.2, 0.2, 0.05], atThree.Variability);
        Close([0.5, 0.5, 0], atThree.Correctness);
        Assert.Equal([0, 1, 0], atThree.Forgettings);
        Assert.Equal([3L, -1L, -1L], atThree.FirstLearned);
        // a's margins −0.3 and 0.3 average to exactly 0: not below 0, so not a suspect.
        Assert.Equal(0f, atThree.AreaUnderMargin[0]);
        Assert.Equal([false, false, true], atThree.Suspect);
    }

    [Fact]
    public void A_sample_seen_once_has_no_variability_and_no_forgetting()
    {
        var atOne = TinyRun.At(1);
        Close([0, 0, 0, 0], atOne.Variability);
        Assert.Equal([0, 0, 0, 0], atOne.Forgettings);
        Assert.Equal([-1L, 1L, -1L, 1L], atOne.FirstLearned);
    }

    [Fact]
    public void Never_learned_samples_are_those_with_zero_correctness()
    {
        Assert.Equal(["c"], AtSeven.SampleIds.Where((_, i) => AtSeven.Correctness[i] == 0));
    }
}
