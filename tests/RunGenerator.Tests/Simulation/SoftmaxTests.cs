using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator.Tests.Simulation;

public class SoftmaxTests
{
    [Fact]
    public void A_thousand_classes_with_extreme_logits_still_sum_to_1()
    {
        var values = Enumerable.Range(0, 1000).Select(i => i % 7 == 0 ? 80f : -50f + i * 0.01f).ToArray();
        Softmax.InPlace(values);
        Assert.InRange(values.Sum(), 1 - 1e-5, 1 + 1e-5);
        Assert.All(values, v => Assert.InRange(v, 0f, 1f));
    }
}
