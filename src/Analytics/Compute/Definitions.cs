namespace ClassVisCloud.Analytics.Compute;

/// <summary>The API's definitions, in one place: ingest, queries and tests all use these.</summary>
public static class Definitions
{
    public const float LossFloor = 1e-12f;
    public const int HistogramBins = 10;

    /// <summary>argmax of a score vector; a tie goes to the lowest class index.</summary>
    public static int Predicted(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
            if (scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>−ln(max(p[label], 1e-12)).</summary>
    public static double Loss(float probabilityOfLabel) => -Math.Log(Math.Max(probabilityOfLabel, LossFloor));

    /// <summary>Bin of a score over [0,0.1), ..., [0.9,1]: 1.0 falls in the last bin.</summary>
    public static int HistogramBin(float score) => Math.Clamp((int)(score * HistogramBins), 0, HistogramBins - 1);

    /// <summary>
    /// p(label) − the largest other p: the margin of the data map, aum and cleanlab's scores. With one class there is
    /// no other class, whose probability counts as 0, so the margin is p(label). The one definition: the ingest stores
    /// it for probability files, and the dynamics derive the same from a logit file's stored margin.
    /// </summary>
    public static float ProbabilityMargin(ReadOnlySpan<float> probabilities, int label) =>
        probabilities.Length > 1 ? probabilities[label] - MaxOther(probabilities, label) : probabilities[label];

    /// <summary>Largest score other than the label's.</summary>
    public static float MaxOther(ReadOnlySpan<float> scores, int label)
    {
        var max = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
            if (c != label && scores[c] > max) max = scores[c];
        return max;
    }
}
