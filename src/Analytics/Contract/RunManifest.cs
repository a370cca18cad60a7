namespace ClassVisCloud.Analytics.Contract;

/// <summary>A valid <c>{run}/run.json</c>.</summary>
public sealed record RunManifest(
    string? Name,
    IReadOnlyList<string>? Classes,
    ScoreKind? DeclaredScores,
    string? Description);
