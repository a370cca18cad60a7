namespace ClassVisCloud.Analytics.Compute;

/// <summary>Exact per-split aggregates of one epoch: everything the run summary, classes and confusion routes need.</summary>
public sealed record SplitAggregates(
    string Split,
    int Samples,
    int Correct,
    double Loss,
    int[][] Confusion,
    ClassAggregate[] Classes)
{
    public double Accuracy => Samples == 0 ? 0 : (double)Correct / Samples;

    public static SplitAggregates From(SplitColumns columns)
    {
        var c = columns.ClassCount;
        var confusion = Enumerable.Range(0, c).Select(_ => new int[c]).ToArray();
        var histograms = Enumerable.Range(0, c).Select(_ => new int[Definitions.HistogramBins]).ToArray();
        var scoreSums = new double[c];
        double lossSum = 0;
        var correct = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var label = columns.Labels[i];
            var predicted = columns.Predicted[i];
            confusion[label][predicted]++;
            if (label == predicted) correct++;
            lossSum += Definitions.Loss(columns.LabelProbability[i]);
            scoreSums[predicted] += columns.Score[i];
            histograms[predicted][Definitions.HistogramBin(columns.Score[i])]++;
        }
        var classes = new ClassAggregate[c];
        for (var k = 0; k < c; k++)
        {
            var predictedCount = 0;
            var labelled = 0;
            for (var j = 0; j < c; j++) { predictedCount += confusion[j][k]; labelled += confusion[k][j]; }
            classes[k] = new ClassAggregate(k, predictedCount, confusion[k][k], labelled,
                predictedCount == 0 ? 0 : scoreSums[k] / predictedCount, histograms[k]);
        }
        return new SplitAggregates(columns.Split, columns.Count, correct, columns.Count == 0 ? 0 : lossSum / columns.Count, confusion, classes);
    }
}

/// <summary>One class of one split: counts over the samples predicted as it, and labelled as it.</summary>
public sealed record ClassAggregate(int Index, int Predicted, int Correct, int Labelled, double MeanScore, int[] ScoreHistogram);
