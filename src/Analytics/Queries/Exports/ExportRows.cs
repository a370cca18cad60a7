namespace ClassVisCloud.Analytics.Queries.Exports;

// The rows of the star schema the exports serve (API.md, "Exports for Power BI and spreadsheets"). The run
// dimension is RunSummary itself: the runs export and the JSON list of runs are one computation.

/// <summary>The class dimension: one row per class of a run.</summary>
public sealed record ClassRow(string Run, int ClassIndex, string ClassName);

/// <summary>One split of one complete epoch: the fact behind the accuracy chart.</summary>
public sealed record EpochSplitRow(string Run, long Epoch, string Split, string Status, int Samples, int Correct, double Accuracy, double Loss);

/// <summary>One class of one split of one epoch: samples labelled as it, predicted as it, both, and the mean score of those predicted as it.</summary>
public sealed record ClassEpochRow(string Run, long Epoch, string Split, int ClassIndex, string ClassName, int Labelled, int Predicted, int Correct, double MeanScore);

/// <summary>One non-zero cell of a confusion matrix (true class = row, predicted class = column).</summary>
public sealed record ConfusionCellRow(string Run, long Epoch, string Split, int TrueIndex, string TrueName, int PredictedIndex, string PredictedName, int Count);

/// <summary>One suspected label issue, in the order of the suspects route (rank 1 = the lowest area under the margin).</summary>
public sealed record SuspectRow(string Run, long Epoch, string Split, int Rank, string SampleId, string LabelName, string LikelyName,
    float Aum, float Confidence, int Mispredictions);
