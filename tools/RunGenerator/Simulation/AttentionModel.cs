namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>The attention a hierarchical attention network gives one report at one epoch.</summary>
/// <param name="WordWeights">Per sentence, per token; each sentence's weights sum to 1.</param>
/// <param name="SentenceWeights">Per sentence; they sum to 1 over the report.</param>
public sealed record ReportAttention(IReadOnlyList<float[]> WordWeights, float[] SentenceWeights);

/// <summary>
/// Word and sentence attention as softmaxes over each token's relevance plus noise. The sharpness grows with
/// training progress: early epochs spread attention evenly, late ones concentrate on the telling words and
/// on the sentences that hold them.
/// </summary>
public static class AttentionModel
{
    private const float Noise = 0.7f;

    public static ReportAttention Weigh(SyntheticRun run, int sample, int epoch, IReadOnlyList<ReportSentence> report)
    {
        var random = new CounterRandom(run.Spec.Seed, RandomPurpose.Attention, sample, epoch);
        var progress = (float)run.Curve.Skill(epoch, run.IsValidation(sample));
        // Scales tuned so late epochs look like a real HAN's (top word ~0.5-0.9 of its sentence, top sentence ~0.6-0.9).
        var wordSharpness = 0.4f + 1.2f * progress;
        var sentenceSharpness = 0.3f + 0.9f * progress;

        var words = new float[report.Count][];
        var sentences = new float[report.Count];
        for (var s = 0; s < report.Count; s++)
        {
            var relevance = report[s].Relevance;
            var weights = new float[relevance.Count];
            for (var t = 0; t < weights.Length; t++)
                weights[t] = wordSharpness * (relevance[t] + Noise * random.NextGaussian());
            Softmax.InPlace(weights);
            words[s] = weights;
            sentences[s] = sentenceSharpness * (relevance.Max() + Noise * random.NextGaussian());
        }
        Softmax.InPlace(sentences);
        return new ReportAttention(words, sentences);
    }
}
