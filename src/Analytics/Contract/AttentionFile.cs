namespace ClassVisCloud.Analytics.Contract;

/// <summary>One decoded attention file: long form, one entry per token, in file order.</summary>
public sealed class AttentionFile
{
    public required string[] SampleIds { get; init; }
    public required int[] Sentences { get; init; }
    public required int[] Positions { get; init; }
    public required string[] Tokens { get; init; }
    public required float[] WordWeights { get; init; }
    public required float[] SentenceWeights { get; init; }
    public int Count => SampleIds.Length;
}
