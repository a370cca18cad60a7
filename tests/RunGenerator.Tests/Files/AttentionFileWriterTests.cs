using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator.Tests.Files;

public class AttentionFileWriterTests(GeneratedRunFixture run) : IClassFixture<GeneratedRunFixture>
{
    private Task<IReadOnlyList<AttentionRow>> ReadAsync(int epoch) =>
        AttentionFile.ReadAsync(Path.Combine(run.Folder, "attention", RunWriter.EpochFileName(epoch)));

    [Fact]
    public async Task Word_weights_sum_to_1_in_each_sentence_and_sentence_weights_in_each_document()
    {
        foreach (var epoch in new[] { 1, 12 })
        {
            var rows = await ReadAsync(epoch);
            foreach (var sentence in rows.GroupBy(r => (r.SampleId, r.Sentence)))
            {
                Assert.InRange(sentence.Sum(r => r.WordWeight), 1 - 1e-4, 1 + 1e-4);
                Assert.Single(sentence.Select(r => r.SentenceWeight).Distinct());
                Assert.Equal(Enumerable.Range(0, sentence.Count()), sentence.Select(r => r.Position));
            }
            foreach (var document in rows.GroupBy(r => r.SampleId))
            {
                var sentences = document.GroupBy(r => r.Sentence).ToArray();
                Assert.Equal(Enumerable.Range(0, sentences.Length), sentences.Select(s => s.Key));
                Assert.InRange(sentences.Sum(s => s.First().SentenceWeight), 1 - 1e-4, 1 + 1e-4);
            }
        }
    }

    [Fact]
    public async Task Attention_covers_the_validation_samples_with_small_documents()
    {
        var rows = await ReadAsync(12);
        var predictions = run.Epochs[12];
        var validation = Enumerable.Range(0, predictions.Count)
            .Where(i => predictions.Splits[i] == "validation").Select(i => predictions.SampleIds[i]).ToHashSet();
        var documents = rows.GroupBy(r => r.SampleId).ToArray();
        Assert.True(documents.Select(d => d.Key).ToHashSet().SetEquals(validation));
        Assert.All(documents, d => Assert.InRange(d.Max(r => r.Sentence) + 1, 3, 9));
        Assert.InRange(rows.Count / (double)documents.Length, 15, 80);
    }

    [Fact]
    public async Task Late_attention_favours_the_words_that_tell_the_class()
    {
        var truth = run.Writer.Run;
        foreach (var (epoch, atLeast) in new[] { (1, 0.3), (12, 0.8) })
        {
            var rows = await ReadAsync(epoch);
            var documents = rows.GroupBy(r => r.SampleId).ToArray();
            var hits = documents.Count(document =>
            {
                var sample = int.Parse(document.Key[2..]);
                var top = document.MaxBy(r => r.WordWeight * r.SentenceWeight)!;
                return truth.Classes[truth.ApparentClass(sample)].TellingWords.Contains(top.Token);
            });
            Assert.True(hits >= atLeast * documents.Length, $"epoch {epoch}: {hits} of {documents.Length}");
        }
    }

    [Fact]
    public async Task Attention_is_capped_for_big_runs()
    {
        var writer = new RunWriter(new RunSpec { Samples = 5000, Attention = true, AttentionSamples = 100 });
        using var folder = new TempFolder();
        var path = folder.File("attention.parquet");
        await using (var stream = File.Create(path))
            await writer.WriteAttentionAsync(stream, 1);
        var rows = await AttentionFile.ReadAsync(path);
        Assert.Equal(writer.Run.AttentionSamples.Select(writer.Run.SampleId), rows.Select(r => r.SampleId).Distinct());
        Assert.Equal(100, writer.Run.AttentionSamples.Count);
        Assert.All(writer.Run.AttentionSamples, i => Assert.True(writer.Run.IsValidation(i)));
    }

    [Fact]
    public async Task No_attention_files_when_there_are_no_validation_samples()
    {
        using var folder = new TempFolder();
        var writer = new RunWriter(new RunSpec { Samples = 100, Epochs = 1, Attention = true, ValidationFraction = 0 });
        var files = await writer.WriteFolderAsync(folder.Path);
        Assert.False(writer.HasAttention);
        Assert.Equal(["run.json", "epoch-1.parquet"], files.Select(f => Path.GetFileName(f.Path)));
    }
}
