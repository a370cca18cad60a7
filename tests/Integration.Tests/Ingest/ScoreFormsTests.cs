using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Integration.Tests.Infrastructure;
using ClassVisCloud.RunGenerator;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>Logits, the wide score form and integer ids go through the whole pipeline as the contract says.</summary>
public sealed class ScoreFormsTests
{
    static async Task<byte[]> EpochAsync(RunSpec spec, int epoch)
    {
        var buffer = new MemoryStream();
        await new RunWriter(spec).WritePredictionsAsync(buffer, epoch);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_run_of_logits_is_softmaxed_and_says_so_and_a_run_with_both_kinds_is_mixed()
    {
        await using var storage = await TestStorage.CreateAsync();
        var logits = new RunSpec { Samples = 200, Classes = 5, Epochs = 2, Seed = 2, Scores = ScoreKind.Logits };
        await storage.UploadAndDeliverAsync("lg/epoch-1.parquet", await EpochAsync(logits, 1));
        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "lg", default))).Json;
        Assert.Equal("logits", run.GetProperty("scoreKind").GetString());
        var samples = (await FunctionCall.GetAsync("split=train", r => storage.Function<GetEpochSamples>().Run(r, "lg", "1", default))).Json;
        Assert.All(samples.GetProperty("score").EnumerateArray(), s => Assert.InRange(s.GetDouble(), 0.2, 1.0));

        await storage.UploadAndDeliverAsync("lg/epoch-2.parquet", await EpochAsync(logits with { Scores = ScoreKind.Probabilities }, 2));
        run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "lg", default))).Json;
        Assert.Equal("mixed", run.GetProperty("scoreKind").GetString());
    }

    [Fact]
    public async Task The_wide_form_names_the_classes_after_its_score_columns_without_a_manifest()
    {
        await using var storage = await TestStorage.CreateAsync();
        var wide = new RunSpec { Samples = 200, Classes = 4, Epochs = 1, Seed = 3, Layout = ScoreLayout.Wide };
        await storage.UploadAndDeliverAsync("wd/epoch-1.parquet", await EpochAsync(wide, 1));
        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "wd", default))).Json;
        Assert.Equal("ok", run.GetProperty("epochs")[0].GetProperty("status").GetString());
        Assert.Equal(new RunWriter(wide).Run.ClassNames, run.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        var confusion = (await FunctionCall.GetAsync("split=validation", r => storage.Function<GetEpochConfusion>().Run(r, "wd", "1", default))).Json;
        Assert.Equal(4, confusion.GetProperty("matrix").GetArrayLength());
    }

    [Fact]
    public async Task An_epoch_whose_class_count_differs_from_the_runs_is_rejected_naming_both_counts()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("cc/epoch-1.parquet", await EpochAsync(new RunSpec { Samples = 100, Classes = 5, Epochs = 2, Seed = 1 }, 1));
        await storage.UploadAndDeliverAsync("cc/epoch-2.parquet", await EpochAsync(new RunSpec { Samples = 100, Classes = 6, Epochs = 2, Seed = 1 }, 2));
        var epoch = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "cc", default))).Json.GetProperty("epochs")[1];
        Assert.Equal("failed", epoch.GetProperty("status").GetString());
        Assert.Contains("6", epoch.GetProperty("error").GetString());
        Assert.Contains("5", epoch.GetProperty("error").GetString());
    }
}
