using System.Buffers.Binary;
using System.Text;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Compute;

/// <summary>One sentence of a document with its attention: what the detail view shows.</summary>
public sealed record AttentionSentence(float Weight, IReadOnlyList<AttentionToken> Tokens);

public sealed record AttentionToken(string Text, float Weight);

/// <summary>
/// An attention file regrouped per sample (sorted ordinal): each sample's document as sentences of
/// weighted tokens, and each sample's keyword weights (Σ word_weight × sentence_weight per lower-cased
/// token), so the keywords of any class are a sum over its samples at query time.
/// </summary>
public sealed class AttentionDocuments
{
    public required string[] SampleIds { get; init; }
    /// <summary>Serialized documents, one after another; <see cref="DocumentOffsets"/> has Count+1 entries.</summary>
    public required byte[] Documents { get; init; }
    public required long[] DocumentOffsets { get; init; }
    /// <summary>Distinct lower-cased tokens, sorted ordinal.</summary>
    public required string[] Vocabulary { get; init; }
    /// <summary>Per sample, a run of (token index, weight) pairs; <see cref="KeywordOffsets"/> has Count+1 entries (in pairs).</summary>
    public required int[] KeywordOffsets { get; init; }
    public required int[] KeywordTokens { get; init; }
    public required float[] KeywordWeights { get; init; }

    public static AttentionDocuments From(AttentionFile file)
    {
        var order = Enumerable.Range(0, file.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var bySample = string.CompareOrdinal(file.SampleIds[a], file.SampleIds[b]);
            if (bySample != 0) return bySample;
            var bySentence = file.Sentences[a].CompareTo(file.Sentences[b]);
            return bySentence != 0 ? bySentence : file.Positions[a].CompareTo(file.Positions[b]);
        });
        var vocabulary = file.Tokens.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var tokenIndex = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

        var ids = new List<string>();
        var documents = new MemoryStream();
        var documentOffsets = new List<long>();
        var keywordOffsets = new List<int>();
        var keywordTokens = new List<int>();
        var keywordWeights = new List<float>();
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && file.SampleIds[order[end]] == file.SampleIds[order[start]]) end++;
            ids.Add(file.SampleIds[order[start]]);
            documentOffsets.Add(documents.Length);
            WriteDocument(documents, file, order.AsSpan(start, end - start));
            keywordOffsets.Add(keywordTokens.Count);
            var weights = new Dictionary<int, float>();
            foreach (var row in order.AsSpan(start, end - start))
            {
                var token = tokenIndex[file.Tokens[row].ToLowerInvariant()];
                weights[token] = weights.GetValueOrDefault(token) + file.WordWeights[row] * file.SentenceWeights[row];
            }
            foreach (var (token, weight) in weights.OrderBy(p => p.Key)) { keywordTokens.Add(token); keywordWeights.Add(weight); }
            start = end;
        }
        documentOffsets.Add(documents.Length);
        keywordOffsets.Add(keywordTokens.Count);
        return new AttentionDocuments
        {
            SampleIds = [.. ids], Documents = documents.ToArray(), DocumentOffsets = [.. documentOffsets], Vocabulary = vocabulary,
            KeywordOffsets = [.. keywordOffsets], KeywordTokens = [.. keywordTokens], KeywordWeights = [.. keywordWeights],
        };
    }

    /// <summary>Layout: sentence count; per sentence its weight and token count; per token its weight, byte length and UTF-8 text.</summary>
    static void WriteDocument(Stream target, AttentionFile file, ReadOnlySpan<int> rows)
    {
        var sentences = new List<(float Weight, List<int> Rows)>();
        foreach (var row in rows)
        {
            if (sentences.Count == 0 || file.Sentences[sentences[^1].Rows[0]] != file.Sentences[row])
                sentences.Add((file.SentenceWeights[row], []));
            sentences[^1].Rows.Add(row);
        }
        var number = new byte[4];
        void Int(int value) { BinaryPrimitives.WriteInt32LittleEndian(number, value); target.Write(number); }
        void Float(float value) { BinaryPrimitives.WriteSingleLittleEndian(number, value); target.Write(number); }
        Int(sentences.Count);
        foreach (var (weight, sentenceRows) in sentences)
        {
            Float(weight);
            Int(sentenceRows.Count);
            foreach (var row in sentenceRows)
            {
                var text = Encoding.UTF8.GetBytes(file.Tokens[row]);
                Float(file.WordWeights[row]);
                Int(text.Length);
                target.Write(text);
            }
        }
    }

    public static List<AttentionSentence> ReadDocument(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        int Int(ReadOnlySpan<byte> b) { var v = BinaryPrimitives.ReadInt32LittleEndian(b[position..]); position += 4; return v; }
        float Float(ReadOnlySpan<byte> b) { var v = BinaryPrimitives.ReadSingleLittleEndian(b[position..]); position += 4; return v; }
        var sentences = new List<AttentionSentence>();
        var sentenceCount = Int(bytes);
        for (var s = 0; s < sentenceCount; s++)
        {
            var weight = Float(bytes);
            var tokenCount = Int(bytes);
            var tokens = new List<AttentionToken>(tokenCount);
            for (var t = 0; t < tokenCount; t++)
            {
                var tokenWeight = Float(bytes);
                var length = Int(bytes);
                tokens.Add(new AttentionToken(Encoding.UTF8.GetString(bytes.Slice(position, length)), tokenWeight));
                position += length;
            }
            sentences.Add(new AttentionSentence(weight, tokens));
        }
        return sentences;
    }
}
