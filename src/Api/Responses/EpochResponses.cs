using System.ComponentModel.DataAnnotations;

namespace ClassVisCloud.Api;

// The answers about one epoch of one split. Property order is the JSON's order.

/// <summary>GET …/epochs/{epoch}/samples, one entry per sample of the split. Written column by column
/// (<see cref="SampleColumns"/>), never through this record, which describes it (a test holds the two together).</summary>
public sealed record EpochSampleColumns(
    string Split,
    long Epoch,
    IReadOnlyList<SampleIdValue> SampleId,
    IReadOnlyList<int> Label,
    IReadOnlyList<int> Predicted,
    IReadOnlyList<float> Score,
    IReadOnlyList<int> Mispredictions);

/// <summary>GET …/epochs/{epoch}/classes: per class, over the samples predicted as it (mean score, a histogram of 10 bins over [0, 1]).</summary>
public sealed record EpochClasses(string Split, long Epoch, IReadOnlyList<ClassStats> Classes);

public sealed record ClassStats(int Index, string Name, int Predicted, int Correct, int Labelled, double MeanScore, IReadOnlyList<int> ScoreHistogram);

/// <summary>GET …/epochs/{epoch}/confusion: rows are the true class, columns the predicted one.</summary>
public sealed record Confusion(string Split, long Epoch, IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<int>> Matrix);

/// <summary>POST …/epochs/{epoch}/scores: the full probability vectors of the ids asked for, in their order.</summary>
public sealed record ScoresAnswer(string Split, long Epoch, IReadOnlyList<string> SampleIds, IReadOnlyList<IReadOnlyList<float>> Scores);

/// <summary>POST …/epochs/{epoch}/scores: the body (a missing or null <c>sampleIds</c> is refused with a 400 that says so).</summary>
public sealed record ScoresRequest(IReadOnlyList<SampleIdValue> SampleIds, string? Split = null);

/// <summary>GET …/epochs/{epoch}/keywords: per predicted class, the tokens its attention weighs most.</summary>
public sealed record Keywords(string Split, long Epoch, IReadOnlyList<ClassKeywords> Classes);

public sealed record ClassKeywords(int Index, string Name, int Samples, IReadOnlyList<Keyword> Keywords);

public sealed record Keyword(string Text, double Weight);
