using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator.Tests.Simulation;

public class SyntheticRunTests
{
    [Fact]
    public void Sample_ids_are_padded_to_six_digits_or_more()
    {
        Assert.Equal("r-000123", SyntheticRun.Create(new RunSpec { Samples = 200 }).SampleId(123));
        Assert.Equal("r-0001234", SyntheticRun.Create(new RunSpec { Samples = 2_000_000, Classes = 2 }).SampleId(1234));
    }

    [Fact]
    public void Seventy_classes_have_a_long_tail_and_all_appear()
    {
        var run = SyntheticRun.Create(new RunSpec { Samples = 100_000, Classes = 70 });
        var sizes = Enumerable.Range(0, run.SampleCount).Select(run.Label).CountBy(l => l).ToDictionary();
        Assert.Equal(70, sizes.Count);
        Assert.True(sizes.Values.Max() > 30 * sizes.Values.Min());
    }

    [Fact]
    public void Two_classes_confuse_each_other()
    {
        var run = SyntheticRun.Create(new RunSpec { Samples = 100, Classes = 2 });
        Assert.Equal((0, 1), run.ConfusedPair);
        Assert.All(Enumerable.Range(0, 100), i => Assert.NotEqual(run.ApparentClass(i), run.Distractor(i)));
    }

    [Fact]
    public void A_noisy_labels_report_describes_another_class()
    {
        var run = SyntheticRun.Create(new RunSpec { Samples = 5000, NoisyFraction = 0.1 });
        var noisy = Enumerable.Range(0, run.SampleCount).Where(run.IsNoisy).ToArray();
        Assert.InRange(noisy.Length, 400, 600);
        Assert.All(noisy, i => Assert.NotEqual(run.Label(i), run.ApparentClass(i)));
    }

    [Fact]
    public void Invalid_specs_are_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => SyntheticRun.Create(new RunSpec { Classes = 1 }));
        Assert.Contains("classes", error.Message);
        Assert.Throws<ArgumentException>(() => SyntheticRun.Create(new RunSpec { Samples = 0 }));
        Assert.Throws<ArgumentException>(() => SyntheticRun.Create(new RunSpec { Every = 0 }));
    }
}
