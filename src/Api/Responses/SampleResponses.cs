namespace ClassVisCloud.Api;

// The answers about one sample. Property order is the JSON's order.

/// <summary>GET /api/runs/{run}/samples/{sampleId}: the sample's label and its outcome at every ok epoch that logged it.</summary>
public sealed record SampleHistory(string SampleId, string Split, int Label, string LabelName, IReadOnlyList<HistoryPoint> History);

/// <summary>One epoch of a sample's history; <c>mispredictions</c> counts the wrong epochs up to this one.</summary>
public sealed record HistoryPoint(long Epoch, int Predicted, string PredictedName, float Score, bool Correct, int Mispredictions);

/// <summary>GET /api/runs/{run}/samples/{sampleId}/attention: sentences with their weights, and their tokens with theirs.</summary>
public sealed record Attention(string SampleId, string Split, long Epoch, IReadOnlyList<WeightedSentence> Sentences);

public sealed record WeightedSentence(float Weight, IReadOnlyList<WeightedToken> Tokens);

public sealed record WeightedToken(string Text, float Weight);
