namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// The model's output for one sample at one epoch. Built from the correctness it should have rather than
/// from a simulated network: background logits (noise plus a bias toward common classes), the
/// sample's distractor just above them, and the class the report describes placed a margin above the best
/// other class. The margin grows with training progress and shrinks with the sample's hardness, so
/// accuracy follows the learning curve, hard samples flicker between epochs, and errors go to the distractor.
/// </summary>
public sealed class ScoreModel
{
    private const float MarginGain = 8f;       // logit margin per unit of progress beyond the sample's hardness
    private const float MarginNoise = 0.6f;    // epoch-to-epoch wobble: samples near their threshold flicker
    private const float PriorWeight = 0.6f;    // the model's lean toward frequent classes
    private const float DistractorLead = 0.4f; // how far the distractor stands above the rest of the field
    private const float PairLead = 0.9f;       // ... and the confused partner, further
    private const float NoisyLabelGap = 0.3f;  // a noisy label is never the top class

    private readonly SyntheticRun _run;
    private readonly float[] _classBias;

    public ScoreModel(SyntheticRun run)
    {
        _run = run;
        var top = run.Classes.Max(c => c.Frequency);
        _classBias = run.Classes.Select(c => PriorWeight * (float)Math.Log(c.Frequency / top)).ToArray();
    }

    public int ClassCount => _classBias.Length;

    /// <summary>Writes the sample's C logits at <paramref name="epoch"/> into <paramref name="logits"/>.</summary>
    public void Logits(int sample, int epoch, Span<float> logits)
    {
        var random = new CounterRandom(_run.Spec.Seed, RandomPurpose.EpochScores, sample, epoch);
        for (var k = 0; k < logits.Length; k++)
            logits[k] = random.NextGaussian() + _classBias[k];

        var apparent = _run.ApparentClass(sample);
        var distractor = _run.Distractor(sample);
        var lead = _run.PartnerOf(apparent) == distractor ? PairLead : DistractorLead;
        var field = MaxExcept(logits, apparent, distractor);
        if (float.IsNegativeInfinity(field))
            field = logits[distractor]; // two classes: no field to stand above
        logits[distractor] = field + lead * (1 + 0.5f * random.NextGaussian());

        var progress = (float)_run.Curve.Skill(epoch, _run.IsValidation(sample));
        var margin = MarginGain * (progress - _run.Hardness(sample)) + MarginNoise * random.NextGaussian();
        logits[apparent] = MaxExcept(logits, apparent, apparent) + margin;

        var label = _run.Label(sample);
        if (label != apparent)
            logits[label] = Math.Min(logits[label], MaxExcept(logits, label, label) - NoisyLabelGap);
    }

    /// <summary>Writes the sample's probabilities (softmax of its logits) into <paramref name="probabilities"/>.</summary>
    public void Probabilities(int sample, int epoch, Span<float> probabilities)
    {
        Logits(sample, epoch, probabilities);
        Softmax.InPlace(probabilities);
    }

    private static float MaxExcept(ReadOnlySpan<float> values, int skip1, int skip2)
    {
        var max = float.NegativeInfinity;
        for (var k = 0; k < values.Length; k++)
            if (k != skip1 && k != skip2 && values[k] > max)
                max = values[k];
        return max;
    }
}
