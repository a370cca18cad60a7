namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// What identifies and labels each row of a predictions file, in file order: read first, so that the scores
/// can go straight to their sorted place and every later reason can name the row's sample id.
/// </summary>
internal sealed class RowKeys
{
    public required string[] SampleIds { get; init; }

    public required bool IntegerIds { get; init; }

    /// <summary>Per row, its split's index in <see cref="SplitNames"/>.</summary>
    public required int[] SplitOfRow { get; init; }

    /// <summary>Split names in the order first seen.</summary>
    public required IReadOnlyList<string> SplitNames { get; init; }

    /// <summary>The label column when it holds integers (class indexes), else null.</summary>
    public long[]? IntegerLabels { get; init; }

    /// <summary>The label column when it holds strings (class names), else null.</summary>
    public string[]? StringLabels { get; init; }

    public RowNames Names => new(SampleIds);
}
