namespace ClassVisCloud.RunGenerator.Simulation;

public static class Softmax
{
    /// <summary>
    /// Replaces logits by probabilities. Summed in double and renormalised after rounding to float,
    /// so every row sums to 1 well within the contract's 1e-3 even for 1,000 classes.
    /// </summary>
    public static void InPlace(Span<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
            max = Math.Max(max, v);
        var sum = 0.0;
        for (var k = 0; k < values.Length; k++)
        {
            var e = Math.Exp(values[k] - max);
            values[k] = (float)e;
            sum += e;
        }
        var scale = 1.0 / sum;
        for (var k = 0; k < values.Length; k++)
            values[k] = (float)(values[k] * scale);
    }
}
