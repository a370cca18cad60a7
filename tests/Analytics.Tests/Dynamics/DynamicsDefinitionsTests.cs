using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class DynamicsDefinitionsTests
{
    static float[] Softmax(double[] logits)
    {
        var sum = logits.Sum(Math.Exp);
        return logits.Select(z => (float)(Math.Exp(z) / sum)).ToArray();
    }

    [Fact]
    public void For_probability_files_the_stored_margin_is_the_probability_margin() =>
        Assert.Equal(-0.25f, DynamicsDefinitions.ProbabilityMargin(0.25f, -0.25f, 0.5f, logits: false, classCount: 3));

    [Theory]
    [InlineData(0)]  // the label leads: logit margin 1
    [InlineData(1)]  // runner-up label: logit margin −1
    [InlineData(2)]  // last: logit margin −1.5
    public void For_logit_files_the_probability_margin_follows_from_p_label_the_logit_margin_and_the_score(int label)
    {
        double[] logits = [2, 1, 0.5];
        var p = Softmax(logits);
        var logitMargin = (float)(logits[label] - logits.Where((_, k) => k != label).Max());
        var maxOther = p.Where((_, k) => k != label).Max();
        var actual = DynamicsDefinitions.ProbabilityMargin(p[label], logitMargin, p.Max(), logits: true, classCount: 3);
        Assert.Equal(p[label] - maxOther, actual, 1e-6);
    }

    [Fact]
    public void With_one_class_there_is_no_other_class_to_beat() =>
        Assert.Equal(1f, DynamicsDefinitions.ProbabilityMargin(1f, 0f, 1f, logits: true, classCount: 1));

    [Fact]
    public void The_normalized_margin_maps_minus_one_to_one_onto_zero_to_one()
    {
        Assert.Equal(0f, DynamicsDefinitions.NormalizedMargin(-1));
        Assert.Equal(0.5f, DynamicsDefinitions.NormalizedMargin(0));
        Assert.Equal(1f, DynamicsDefinitions.NormalizedMargin(1));
    }

    [Fact]
    public void A_suspect_has_an_area_under_the_margin_strictly_below_zero()
    {
        Assert.True(DynamicsDefinitions.IsSuspect(-1e-9));
        Assert.False(DynamicsDefinitions.IsSuspect(0));
    }
}
