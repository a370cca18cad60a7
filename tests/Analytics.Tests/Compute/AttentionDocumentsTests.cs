using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Compute;

public sealed class AttentionDocumentsTests
{
    static readonly AttentionFile File = new()
    {
        // Rows out of order on purpose: a writer may shuffle them.
        SampleIds = ["b", "a", "a", "a", "b"],
        Sentences = [0, 1, 0, 0, 0],
        Positions = [0, 0, 1, 0, 1],
        Tokens = ["Hello", "again", "World", "hello", "x"],
        WordWeights = [0.5f, 1f, 0.25f, 0.75f, 0.5f],
        SentenceWeights = [1f, 0.4f, 0.6f, 0.6f, 1f],
    };

    [Fact]
    public void Documents_are_grouped_per_sample_in_sentence_and_position_order()
    {
        var documents = AttentionDocuments.From(File);
        Assert.Equal(["a", "b"], documents.SampleIds);
        var a = AttentionDocuments.ReadDocument(documents.Documents.AsSpan((int)documents.DocumentOffsets[0], (int)(documents.DocumentOffsets[1] - documents.DocumentOffsets[0])));
        Assert.Equal(2, a.Count);
        Assert.Equal(0.6f, a[0].Weight);
        Assert.Equal(["hello", "World"], a[0].Tokens.Select(t => t.Text));
        Assert.Equal(["again"], a[1].Tokens.Select(t => t.Text));
    }

    [Fact]
    public void Keyword_weights_sum_word_times_sentence_weight_per_lower_cased_token()
    {
        var documents = AttentionDocuments.From(File);
        var hello = Array.IndexOf(documents.Vocabulary, "hello");
        var pairs = Enumerable.Range(documents.KeywordOffsets[0], documents.KeywordOffsets[1] - documents.KeywordOffsets[0])
            .ToDictionary(i => documents.Vocabulary[documents.KeywordTokens[i]], i => documents.KeywordWeights[i]);
        Assert.True(hello >= 0);
        Assert.Equal(0.75f * 0.6f, pairs["hello"], 6);
        Assert.Equal(0.25f * 0.6f, pairs["world"], 6);
        Assert.Equal(1f * 0.4f, pairs["again"], 6);
    }
}
