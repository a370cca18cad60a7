using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Compute;

public sealed class DefinitionsTests
{
    [Fact]
    public void The_probability_margin_is_the_labels_probability_less_the_best_other()
    {
        Assert.Equal(0.5f - 0.3f, Definitions.ProbabilityMargin([0.2f, 0.5f, 0.3f], 1, predicted: 1));
        Assert.Equal(0.2f - 0.5f, Definitions.ProbabilityMargin([0.2f, 0.5f, 0.3f], 0, predicted: 1));
    }

    [Fact]
    public void With_one_class_the_margin_is_its_probability_for_probability_and_logit_files_alike()
    {
        Assert.Equal(1f, Definitions.ProbabilityMargin([1f], 0, predicted: 0));
        // A logit file's stored margin (0 with one class) is not read: the dynamics apply the same rule.
        Assert.Equal(1f, DynamicsDefinitions.ProbabilityMargin(1f, storedMargin: 0f, score: 1f, logits: true, classCount: 1));
    }
}
