using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Compute;

/// <summary>
/// The per-sample columns an epoch stores for one split, derived once at ingest: the queries then
/// never touch the C-wide score vectors unless they are asked for them.
/// </summary>
public sealed class SplitColumns
{
    public required string Split { get; init; }
    public required string[] SampleIds { get; init; }
    public required int[] Labels { get; init; }
    public required int[] Predicted { get; init; }
    /// <summary>Probability of the predicted class.</summary>
    public required float[] Score { get; init; }
    /// <summary>Probability of the true class.</summary>
    public required float[] LabelProbability { get; init; }
    /// <summary>Margin of the label over the best other class: on logits when the file had them, else on probabilities.</summary>
    public required float[] Margin { get; init; }
    /// <summary>Count × C probabilities, row-major.</summary>
    public required float[] Probabilities { get; init; }
    public required int ClassCount { get; init; }

    public int Count => SampleIds.Length;

    public bool IsWrong(int i) => Predicted[i] != Labels[i];

    public static SplitColumns From(SplitPredictions split, int classCount)
    {
        var n = split.Count;
        var predicted = new int[n];
        var score = new float[n];
        var labelProbability = new float[n];
        var margin = new float[n];
        for (var i = 0; i < n; i++)
        {
            var row = split.Probabilities.AsSpan(i * classCount, classCount);
            var label = split.Labels[i];
            predicted[i] = Definitions.Predicted(row);
            score[i] = row[predicted[i]];
            labelProbability[i] = row[label];
            margin[i] = split.LogitMargins?[i] ?? (classCount > 1 ? row[label] - Definitions.MaxOther(row, label, predicted[i]) : row[label]);
        }
        return new SplitColumns
        {
            Split = split.Name, SampleIds = split.SampleIds, Labels = split.Labels, Predicted = predicted, Score = score,
            LabelProbability = labelProbability, Margin = margin, Probabilities = split.Probabilities, ClassCount = classCount,
        };
    }
}
