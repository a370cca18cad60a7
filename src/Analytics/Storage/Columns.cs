namespace ClassVisCloud.Analytics.Storage;

/// <summary>Names of the packed columns of an epoch version (per split: <see cref="Layout.SplitColumn"/>).</summary>
public static class Columns
{
    public const string Ids = "ids";
    public const string Labels = "labels";
    public const string Predicted = "predicted";
    public const string Score = "score";
    public const string LabelProbability = "plabel";
    public const string Margin = "margin";
    public const string Aggregates = "agg";

    public const string AttentionIds = "ids";
    public const string AttentionDocOffsets = "docoff";
    public const string AttentionDocs = "docs";
    public const string KeywordVocabulary = "vocab";
    public const string KeywordOffsets = "kwoff";
    public const string KeywordPairs = "kw";
}
