using System.Security.Cryptography;
using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator.Tests;

public class RunWriterTests(GeneratedRunFixture run) : IClassFixture<GeneratedRunFixture>
{
    [Fact]
    public async Task The_same_arguments_give_the_same_bytes_and_another_seed_different_ones()
    {
        var spec = new RunSpec { Samples = 3000, Classes = 12, Epochs = 3, Seed = 42, Attention = true, RowGroupSize = 1000 };
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var other = new TempFolder();
        await new RunWriter(spec).WriteFolderAsync(first.Path);
        await new RunWriter(spec).WriteFolderAsync(second.Path);
        await new RunWriter(spec with { Seed = 43 }).WriteFolderAsync(other.Path);

        var names = Directory.EnumerateFiles(first.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(first.Path, f)).Order().ToArray();
        Assert.Equal(7, names.Length); // run.json + 3 epochs + 3 attention
        foreach (var name in names)
            Assert.Equal(Hash(Path.Combine(first.Path, name)), Hash(Path.Combine(second.Path, name)));
        Assert.NotEqual(Hash(first.File("epoch-1.parquet")), Hash(other.File("epoch-1.parquet")));
    }

    [Fact]
    public void The_folder_holds_the_manifest_and_each_epoch_with_its_attention()
    {
        var files = Directory.EnumerateFiles(run.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var expected = new[] { "run.json" }
            .Concat(Enumerable.Range(1, 12).Select(e => $"epoch-{e}.parquet"))
            .Concat(Enumerable.Range(1, 12).Select(e => $"attention/epoch-{e}.parquet"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
    }

    [Fact]
    public async Task Every_kth_epoch_is_logged_and_the_last_one_always()
    {
        using var folder = new TempFolder();
        await new RunWriter(new RunSpec { Samples = 50, Epochs = 10, Every = 4 }).WriteFolderAsync(folder.Path);
        var epochs = Directory.EnumerateFiles(folder.Path, "epoch-*.parquet").Select(Path.GetFileName).Order();
        Assert.Equal(["epoch-10.parquet", "epoch-4.parquet", "epoch-8.parquet"], epochs);
    }

    [Fact]
    public void Each_file_has_every_sample_once_with_the_contract_columns()
    {
        foreach (var (epoch, file) in run.Epochs)
        {
            Assert.Equal(["sample_id", "split", "label", "scores", "epoch"], file.Columns);
            Assert.Equal(6000, file.Count);
            Assert.Equal(6000, file.SampleIds.Distinct().Count());
            Assert.All(file.SampleIds, id => Assert.Matches("^r-[0-9]{6}$", id));
            Assert.All(file.Labels, label => Assert.InRange(label, 0, 7));
            Assert.All(file.Epochs, e => Assert.Equal(epoch, e));
            Assert.All(file.Scores, scores => Assert.Equal(8, scores.Length));
        }
    }

    [Fact]
    public void Splits_are_train_and_validation_with_a_fifth_of_each_class_in_validation()
    {
        var file = run.Epochs[1];
        Assert.Equal(["train", "validation"], file.Splits.Distinct().Order());
        foreach (var label in Enumerable.Range(0, 8))
        {
            var rows = Enumerable.Range(0, file.Count).Where(i => file.Labels[i] == label).ToArray();
            var share = rows.Count(i => file.Splits[i] == "validation") / (double)rows.Length;
            Assert.InRange(share, 0.19, 0.21);
        }
    }

    [Fact]
    public void Class_sizes_are_uneven_and_every_class_is_present()
    {
        var sizes = run.Epochs[1].Labels.CountBy(l => l).Select(g => g.Value).ToArray();
        Assert.Equal(8, sizes.Length);
        Assert.True(sizes.Max() >= 2 * sizes.Min(), $"sizes {string.Join(", ", sizes)}");
    }

    [Fact]
    public void Probabilities_are_within_0_and_1_and_sum_to_1()
    {
        foreach (var file in run.Epochs.Values)
            foreach (var scores in file.Scores)
            {
                Assert.All(scores, p => Assert.InRange(p, 0f, 1f));
                Assert.InRange(scores.Sum(), 1 - 1e-4, 1 + 1e-4);
            }
    }

    [Fact]
    public void Accuracy_rises_then_flattens_on_both_splits()
    {
        foreach (var split in new[] { "train", "validation" })
        {
            var accuracy = Enumerable.Range(1, 12).Select(e => run.Accuracy(e, split)).ToArray();
            Assert.InRange(accuracy[0], 0.15, 0.45);
            Assert.InRange(accuracy[^1], 0.7, 0.95);
            var earlyGain = accuracy[3] - accuracy[0];
            var lateGain = accuracy[^1] - accuracy[^4];
            Assert.True(earlyGain > 0.25, $"{split}: early gain {earlyGain:F3}");
            Assert.True(lateGain < earlyGain / 4, $"{split}: late gain {lateGain:F3} vs early {earlyGain:F3}");
        }
        Assert.True(run.Accuracy(12, "train") > run.Accuracy(12, "validation") + 0.03, "validation trails train");
    }

    [Fact]
    public void The_confused_pair_is_the_largest_confusion_at_every_epoch()
    {
        var (first, second) = run.Writer.Run.ConfusedPair;
        Assert.Equal(("C50.4", "C50.8"), (run.Writer.Run.ClassNames[first], run.Writer.Run.ClassNames[second]));
        foreach (var file in run.Epochs.Values)
        {
            var confusion = new Dictionary<(int, int), int>();
            for (var i = 0; i < file.Count; i++)
                if (file.Predicted(i) != file.Labels[i] && !run.Writer.Run.IsNoisy(i))
                    confusion[(file.Labels[i], file.Predicted(i))] = confusion.GetValueOrDefault((file.Labels[i], file.Predicted(i))) + 1;
            var top = confusion.OrderByDescending(c => c.Value).Take(2).Select(c => c.Key).ToHashSet();
            Assert.Equal(new HashSet<(int, int)> { (first, second), (second, first) }, top);
        }
        var last = run.Epochs[12];
        var pair = Enumerable.Range(0, last.Count).Where(i => last.Labels[i] == first || last.Labels[i] == second).ToArray();
        var confused = pair.Count(i => last.Predicted(i) == (last.Labels[i] == first ? second : first));
        Assert.InRange(confused / (double)pair.Length, 0.15, 0.45);
    }

    [Fact]
    public void Noisy_samples_are_a_few_percent_and_mispredicted_in_every_epoch()
    {
        var truth = run.Writer.Run;
        var noisy = Enumerable.Range(0, truth.SampleCount).Where(truth.IsNoisy).ToArray();
        Assert.InRange(noisy.Length / (double)truth.SampleCount, 0.02, 0.04);
        foreach (var file in run.Epochs.Values)
            Assert.All(noisy, i => Assert.NotEqual(file.Labels[i], file.Predicted(i)));
        var last = run.Epochs[12];
        var predictedAsTheirText = noisy.Count(i => last.Predicted(i) == truth.ApparentClass(i));
        Assert.True(predictedAsTheirText > 0.7 * noisy.Length, $"{predictedAsTheirText} of {noisy.Length}");
    }

    [Fact]
    public void The_manifest_names_the_classes_in_order_and_the_score_kind()
    {
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Folder, "run.json"))).RootElement;
        Assert.Equal(["C34.9", "C50.4", "C50.8", "C50.9", "C18.7", "C61", "C67.9", "C34.1"],
            json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("probabilities", json.GetProperty("scores").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Logits_are_written_raw_and_declared_in_the_manifest()
    {
        var writer = new RunWriter(new RunSpec { Samples = 500, Epochs = 2, Scores = ScoreKind.Logits });
        var file = await ReadEpochAsync(writer, 2);
        Assert.Contains(file.Scores, s => s.Any(v => v < 0));
        Assert.Contains(file.Scores, s => Math.Abs(s.Sum() - 1) > 1e-3);
        Assert.Contains("\"scores\": \"logits\"", writer.ManifestJson());

        var probabilities = await ReadEpochAsync(new RunWriter(writer.Spec with { Scores = ScoreKind.Probabilities }), 2);
        Assert.Equal(Enumerable.Range(0, 500).Select(probabilities.Predicted), Enumerable.Range(0, 500).Select(file.Predicted));
    }

    [Fact]
    public async Task The_wide_form_has_one_score_column_per_class_in_class_order()
    {
        var spec = new RunSpec { Samples = 300, Classes = 5, Epochs = 1, Layout = ScoreLayout.Wide };
        var wide = await ReadEpochAsync(new RunWriter(spec), 1);
        var list = await ReadEpochAsync(new RunWriter(spec with { Layout = ScoreLayout.List }), 1);
        Assert.Equal(["sample_id", "split", "label", "score_C34.9", "score_C50.4", "score_C50.8", "score_C50.9", "score_C18.7", "epoch"], wide.Columns);
        Assert.Equal(list.Scores, wide.Scores);
    }

    [Fact]
    public async Task Large_runs_are_written_in_row_groups_of_the_requested_size()
    {
        var file = await ReadEpochAsync(new RunWriter(new RunSpec { Samples = 2500, RowGroupSize = 1000 }), 1);
        Assert.Equal(3, file.RowGroups);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"r-{i:D6}"), file.SampleIds);
    }

    [Fact]
    public async Task Regenerating_into_a_folder_replaces_the_earlier_run()
    {
        using var folder = new TempFolder();
        await new RunWriter(new RunSpec { Samples = 20, Epochs = 5, Attention = true }).WriteFolderAsync(folder.Path);
        File.WriteAllText(folder.File("notes.txt"), "kept");
        var lines = new List<string>();
        await new RunWriter(new RunSpec { Samples = 20, Epochs = 2 }).WriteFolderAsync(folder.Path, lines.Add);

        var left = Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order();
        Assert.Equal(["epoch-1.parquet", "epoch-2.parquet", "notes.txt", "run.json"], left);
        Assert.Contains(lines, l => l.Contains("removed 11 files"));
    }

    private static async Task<PredictionsFile> ReadEpochAsync(RunWriter writer, int epoch)
    {
        var stream = new MemoryStream();
        await writer.WritePredictionsAsync(stream, epoch);
        stream.Position = 0;
        return await PredictionsFile.ReadAsync(stream);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
