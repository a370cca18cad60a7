using System.Runtime.InteropServices;
using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>One sample across epochs (history), its attention, and the per-class keywords of an epoch.</summary>
public sealed class SampleApi(StorageClients storage, ImmutableCache cache, EpochColumnsReader columns, SampleSets sampleSets)
{
    public async Task<ApiResponse> HistoryAsync(string? run, string? sampleId, string? split, CancellationToken cancellationToken = default)
    {
        if (ApiArguments.CheckRun(run) is { } badRun) return badRun;
        if (ApiArguments.CheckId(sampleId, "sample id") is { } badId) return badId;
        if (split is not null && ApiArguments.CheckId(split, "split") is { } badSplit) return badSplit;
        var view = await RunView.LoadAsync(storage, run!, cancellationToken);
        if (!view.Exists) return ApiResponse.NotFound($"no run '{run}'");
        var splitName = split ?? view.DefaultSplit;
        if (splitName is null || !view.Splits.Contains(splitName)) return ApiResponse.NotFound($"run '{run}' has no split '{splitName}'");

        var found = await Task.WhenAll(view.OkEpochs.Select(async e =>
        {
            var index = e.SplitIndex(splitName);
            if (index < 0) return null;
            var ids = await sampleSets.GetAsync(view.Run, e.Splits[index].SetHash, cancellationToken);
            var position = SampleSets.IndexOf(ids, sampleId!);
            if (position < 0) return null;
            var label = columns.RangeAsync(e, index, Columns.Labels, position * 2L, 2, cancellationToken);
            var predicted = columns.RangeAsync(e, index, Columns.Predicted, position * 2L, 2, cancellationToken);
            var score = columns.RangeAsync(e, index, Columns.Score, position * 4L, 4, cancellationToken);
            return new StoredPoint(e.Epoch, ColumnCodec.DecodeClasses(await label)[0], ColumnCodec.DecodeClasses(await predicted)[0], ColumnCodec.DecodeFloats(await score)[0]);
        }));
        var points = found.OfType<StoredPoint>().OrderBy(p => p.Epoch).ToList();
        if (points.Count == 0) return ApiResponse.NotFound($"no sample '{sampleId}' in split '{splitName}' of run '{run}'");
        var names = view.ClassNames;
        var wrongSoFar = 0;
        var history = points.Select(p =>
        {
            if (p.Predicted != p.Label) wrongSoFar++;
            return new HistoryPoint(p.Epoch, p.Predicted, names[p.Predicted], p.Score, Correct: p.Predicted == p.Label, Mispredictions: wrongSoFar);
        }).ToList();
        var last = points[^1];
        return ApiResponse.Ok(new SampleHistory(sampleId!, splitName, last.Label, names[last.Label], history));
    }

    sealed record StoredPoint(long Epoch, int Label, int Predicted, float Score);

    public async Task<ApiResponse> AttentionAsync(string? run, string? sampleId, string? split, string? epoch, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        if (ApiArguments.CheckId(sampleId, "sample id") is { } badId) return badId;
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        if (s.Epoch.AttentionStatus != EpochStatus.Ok || s.Epoch.AttentionVersion is null)
            return ApiResponse.NotFound($"epoch {s.Epoch.Epoch} has no attention" + (s.Epoch.AttentionError is { } e ? $": {e}" : ""));
        var etagSeed = s.ETagSeed("attention|" + sampleId + "|" + s.Epoch.AttentionVersion);
        if (ApiResponse.Unchanged(etagSeed, ApiResponse.JsonType, ifNoneMatch) is { } unchanged) return unchanged;
        var ids = await sampleSets.GetAsync(s.View.Run, s.Summary.SetHash, cancellationToken);
        if (SampleSets.IndexOf(ids, sampleId!) < 0) return ApiResponse.NotFound($"no sample '{sampleId}' in split '{s.Split}' of epoch {s.Epoch.Epoch}");
        var attention = await LoadAttentionIndexAsync(s.Epoch, cancellationToken);
        var position = SampleSets.IndexOf(attention.Ids, sampleId!);
        if (position < 0) return ApiResponse.NotFound($"sample '{sampleId}' has no attention in epoch {s.Epoch.Epoch}");
        var start = attention.Offsets[position];
        var bytes = await storage.Data.ReadRangeAsync(AttentionPartition(s.Epoch), Columns.AttentionDocs, start, (int)(attention.Offsets[position + 1] - start), cancellationToken);
        var sentences = AttentionDocuments.ReadDocument(bytes);
        return ApiResponse.Ok(new Attention(sampleId!, s.Split, s.Epoch.Epoch,
            sentences.Select(x => new WeightedSentence(x.Weight, x.Tokens.Select(t => new WeightedToken(t.Text, t.Weight)).ToList())).ToList()), etagSeed);
    }

    static string AttentionPartition(EpochRecord epoch) => Layout.AttentionPartition(epoch.Run, epoch.Epoch, epoch.AttentionVersion!);

    sealed record AttentionIndex(string[] Ids, long[] Offsets);

    Task<AttentionIndex> LoadAttentionIndexAsync(EpochRecord epoch, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"attention-index|{AttentionPartition(epoch)}", async () =>
        {
            var data = await storage.Data.ReadAsync(AttentionPartition(epoch), [Columns.AttentionIds, Columns.AttentionDocOffsets], cancellationToken);
            var index = new AttentionIndex(ColumnCodec.DecodeStrings(data[Columns.AttentionIds]), MemoryMarshal.Cast<byte, long>(data[Columns.AttentionDocOffsets]).ToArray());
            return (index, data.Values.Sum(v => (long)v.Length) * 3);
        });

    sealed record KeywordIndex(string[] Ids, string[] Vocabulary, int[] Offsets, byte[] Pairs);

    /// <summary>
    /// Per predicted class, the tokens the attention weighs most: Σ word_weight × sentence_weight over the
    /// class's samples with attention, divided by how many of them there are; tokens compare case-insensitively.
    /// </summary>
    public async Task<ApiResponse> KeywordsAsync(string? run, string? epoch, string? split, string? top, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var topCount = ApiArguments.Count(top, "top", 10, 1000);
        if (topCount.Problem is { } badTop) return badTop;
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        if (s.Epoch.AttentionStatus != EpochStatus.Ok || s.Epoch.AttentionVersion is null)
            return ApiResponse.NotFound($"epoch {s.Epoch.Epoch} has no attention" + (s.Epoch.AttentionError is { } e ? $": {e}" : ""));
        var etagSeed = s.ETagSeed($"keywords|{topCount.Value}|{s.Epoch.AttentionVersion}");
        if (ApiResponse.Unchanged(etagSeed, ApiResponse.JsonType, ifNoneMatch) is { } unchanged) return unchanged;
        var index = await cache.GetOrLoadAsync($"keyword-index|{AttentionPartition(s.Epoch)}", async () =>
        {
            var data = await storage.Data.ReadAsync(AttentionPartition(s.Epoch), [Columns.AttentionIds, Columns.KeywordVocabulary, Columns.KeywordOffsets, Columns.KeywordPairs], cancellationToken);
            var value = new KeywordIndex(ColumnCodec.DecodeStrings(data[Columns.AttentionIds]), ColumnCodec.DecodeStrings(data[Columns.KeywordVocabulary]),
                MemoryMarshal.Cast<byte, int>(data[Columns.KeywordOffsets]).ToArray(), data[Columns.KeywordPairs]);
            return (value, data.Values.Sum(v => (long)v.Length) * 3);
        });
        var ids = await sampleSets.GetAsync(s.View.Run, s.Summary.SetHash, cancellationToken);
        var predicted = await columns.ClassesAsync(s.Epoch, s.SplitIndex, Columns.Predicted, cancellationToken);
        var classCount = s.Epoch.ClassCount;
        var sums = new Dictionary<int, double>[classCount];
        var samplesPerClass = new int[classCount];
        var pairs = MemoryMarshal.Cast<byte, int>(index.Pairs);
        for (int a = 0, p = 0; a < index.Ids.Length && p < ids.Length;)
        {
            var c = string.CompareOrdinal(index.Ids[a], ids[p]);
            if (c < 0) { a++; continue; }
            if (c > 0) { p++; continue; }
            var k = predicted[p];
            samplesPerClass[k]++;
            var weights = sums[k] ??= [];
            for (var pair = index.Offsets[a]; pair < index.Offsets[a + 1]; pair++)
            {
                var token = pairs[pair * 2];
                weights[token] = weights.GetValueOrDefault(token) + BitConverter.Int32BitsToSingle(pairs[pair * 2 + 1]);
            }
            a++; p++;
        }
        var names = s.View.ClassNames;
        return ApiResponse.Ok(new Keywords(s.Split, s.Epoch.Epoch, Enumerable.Range(0, classCount).Select(k => new ClassKeywords(
            Index: k, Name: names[k], Samples: samplesPerClass[k],
            Keywords: (sums[k] ?? []).OrderByDescending(w => w.Value).ThenBy(w => index.Vocabulary[w.Key], StringComparer.Ordinal)
                .Take(topCount.Value).Select(w => new Keyword(index.Vocabulary[w.Key], w.Value / samplesPerClass[k])).ToList())).ToList()), etagSeed);
    }
}
