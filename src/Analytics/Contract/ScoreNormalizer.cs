namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Decides whether a file's scores are probabilities or logits and turns logits into probabilities with a
/// numerically stable softmax (in double), keeping each row's logit margin for the training-dynamics views.
/// </summary>
internal static class ScoreNormalizer
{
    /// <summary>The margins per split when the file held logits, else null. Softmaxes the matrix in place.</summary>
    public static (ScoreKind Kind, float[][]? Margins) Normalize(ScoreMatrix matrix, int[][] labelsBySplit, ScoreShape shape,
        ScoreKind? declared, RowNames names)
    {
        if (declared == ScoreKind.Probabilities)
        {
            RejectIfNotProbabilities(shape, names);
            return (ScoreKind.Probabilities, null);
        }
        if (declared != ScoreKind.Logits && !shape.LooksLikeLogits)
            return (ScoreKind.Probabilities, null);

        var margins = new float[matrix.BySplit.Length][];
        for (int split = 0; split < margins.Length; split++)
            margins[split] = Softmax(matrix.BySplit[split], matrix.ClassCount, labelsBySplit[split]);
        return (ScoreKind.Logits, margins);
    }

    private static void RejectIfNotProbabilities(ScoreShape shape, RowNames names)
    {
        const string declaration = "but run.json declares probabilities (each row in [0, 1], summing to 1 within 1e-3)";
        bool negativeFirst = shape.FirstNegativeRow >= 0 && (shape.FirstBadSumRow < 0 || shape.FirstNegativeRow <= shape.FirstBadSumRow);
        if (negativeFirst)
            throw new ContractViolationException(
                $"column 'scores' has a negative value ({Format(shape.FirstNegativeValue)}) at {names[shape.FirstNegativeRow]}, {declaration}");
        if (shape.FirstBadSumRow >= 0)
            throw new ContractViolationException(
                $"column 'scores' sums to {Format(shape.FirstBadSum)} at {names[shape.FirstBadSumRow]}, {declaration}");
    }

    private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Softmax of each row in place; returns logit(label) − the largest other logit, per row.</summary>
    private static float[] Softmax(float[] scores, int classCount, int[] labels)
    {
        var margins = new float[labels.Length];
        var exponentials = new double[classCount];
        for (int row = 0; row < labels.Length; row++)
        {
            var logits = scores.AsSpan(row * classCount, classCount);
            int label = labels[row];
            double max = double.NegativeInfinity, maxOther = double.NegativeInfinity;
            for (int k = 0; k < classCount; k++)
            {
                max = Math.Max(max, logits[k]);
                if (k != label) maxOther = Math.Max(maxOther, logits[k]);
            }
            // With one class there is no other logit to beat; the margin is then taken as 0.
            margins[row] = classCount > 1 ? (float)(logits[label] - maxOther) : 0f;
            double sum = 0;
            for (int k = 0; k < classCount; k++) sum += exponentials[k] = Math.Exp(logits[k] - max);
            for (int k = 0; k < classCount; k++) logits[k] = (float)(exponentials[k] / sum);
        }
        return margins;
    }
}
