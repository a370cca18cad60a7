namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>One sentence of a generated report, with how much each token tells about the class.</summary>
/// <param name="Tokens">Words, punctuation dropped (as the HAN's tokeniser gives them).</param>
/// <param name="Relevance">Per token: 0 for filler, higher for words that give the class away.</param>
public sealed record ReportSentence(IReadOnlyList<string> Tokens, IReadOnlyList<float> Relevance);
