namespace ClassVisCloud.Api;

// The answers over a run's logged epochs: training dynamics, suspects, confusion over time. Property order is the JSON's order.

/// <summary>GET …/epochs/{epoch}/dynamics over the logged epochs ≤ E, one entry per sample. Written column by column
/// (<see cref="DynamicsEncoder"/>), never through this record, which describes it (a test holds the two together).</summary>
public sealed record EpochDynamicsColumns(
    string Split,
    long Epoch,
    IReadOnlyList<SampleIdValue> SampleId,
    IReadOnlyList<float> Confidence,
    IReadOnlyList<float> Variability,
    IReadOnlyList<float> Correctness,
    IReadOnlyList<int> Forgettings,
    IReadOnlyList<long?> FirstLearned,
    IReadOnlyList<float> Aum,
    IReadOnlyList<float> SelfConfidence,
    IReadOnlyList<float> NormalizedMargin,
    IReadOnlyList<bool> Suspect);

/// <summary>GET …/epochs/{epoch}/suspects: the likely label issues ranked by aum, and how many there are in all.</summary>
[ApiName("Suspects")]
public sealed record SuspectList(string Split, long Epoch, int Total, IReadOnlyList<Suspect> Suspects);

/// <summary>A likely label issue: <c>likely</c> is the class the model preferred most often.</summary>
public sealed record Suspect(SampleIdValue SampleId, int Label, string LabelName, int Likely, string LikelyName, float Aum, float Confidence, int Mispredictions);

/// <summary>GET /api/runs/{run}/confusion-over-time: the off-diagonal pairs largest at the last epoch, counted at every epoch.</summary>
public sealed record ConfusionOverTime(string Split, IReadOnlyList<long> Epochs, IReadOnlyList<ConfusionPairCounts> Pairs);

/// <summary>A pair of class names (true, predicted) with its count at each epoch of the answer.</summary>
public sealed record ConfusionPairCounts(string True, string Predicted, IReadOnlyList<int> Counts);

/// <summary>GET /api/runs/{run}/confusion-growth: the pairs that grew most over the last k logged epochs.</summary>
public sealed record ConfusionGrowth(string Split, int K, long From, long To, IReadOnlyList<long> Epochs, IReadOnlyList<ConfusionPairGrowth> Pairs);

public sealed record ConfusionPairGrowth(string True, string Predicted, int Growth, IReadOnlyList<int> Counts);
