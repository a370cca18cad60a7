namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// What one logged epoch adds to the statistics of one split, per sample in the order of <see cref="SampleIds"/>
/// (sorted ordinal, as every epoch stores them).
/// </summary>
public sealed record EpochInputs
{
    public required long Epoch { get; init; }
    public required string[] SampleIds { get; init; }
    /// <summary>Identity of the sorted id list: equal hashes align position by position.</summary>
    public required string SetHash { get; init; }
    public required int[] Labels { get; init; }
    public required int[] Predicted { get; init; }
    public required float[] LabelProbability { get; init; }
    /// <summary>The margin averaged into the area under the margin: on logits when the file had them, else on probabilities.</summary>
    public required float[] Margin { get; init; }
    /// <summary>p(label) − max other p, whatever the file held (<see cref="DynamicsDefinitions.ProbabilityMargin"/>).</summary>
    public required float[] ProbabilityMargin { get; init; }

    public int Count => SampleIds.Length;
}
