using System.Numerics.Tensors;

namespace ClassVisCloud.Analytics.Compute;

/// <summary>The API's definitions, in one place: ingest, queries and tests all use these.</summary>
public static class Definitions
{
    public const float LossFloor = 1e-12f;
    public const int HistogramBins = 10;

    /// <summary>argmax of a score vector; a tie goes to the lowest class index.</summary>
    public static int Predicted(ReadOnlySpan<float> scores) => TensorPrimitives.IndexOfMax(scores); // the first of equal maxima

    /// <summary>−ln(max(p[label], 1e-12)).</summary>
    public static double Loss(float probabilityOfLabel) => -Math.Log(Math.Max(probabilityOfLabel, LossFloor));

    /// <summary>Bin of a score over [0,0.1), ..., [0.9,1]: 1.0 falls in the last bin.</summary>
    public static int HistogramBin(float score) => Math.Clamp((int)(score * HistogramBins), 0, HistogramBins - 1);

    /// <summary>Largest score other than the label's.</summary>
    public static float MaxOther(ReadOnlySpan<float> scores, int label) =>
        Math.Max(MaxOrNegativeInfinity(scores[..label]), MaxOrNegativeInfinity(scores[(label + 1)..]));

    /// <summary>Largest score other than the label's, when the predicted class is already known: one pass less when they differ.</summary>
    public static float MaxOther(ReadOnlySpan<float> scores, int label, int predicted) =>
        label != predicted ? scores[predicted] : MaxOther(scores, label);

    static float MaxOrNegativeInfinity(ReadOnlySpan<float> scores) => scores.IsEmpty ? float.NegativeInfinity : TensorPrimitives.Max(scores);
}
