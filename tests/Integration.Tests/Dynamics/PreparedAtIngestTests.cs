using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Api;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Integration.Tests.Dynamics;

/// <summary>
/// The ingest that settles a run's upload prepares its newest epoch for every split, whatever order the files came in:
/// the training-dynamics state and the suspects ranking are in storage before any request, and the dashboard's
/// first-view answers are built; the first requests read them.
/// </summary>
public sealed class PreparedAtIngestTests
{
    const string Run = "r1";

    static async Task<List<string>> StoredAsync(TestStorage storage, string split) =>
        [.. await storage.Get<DynamicsCheckpoints>().ListAsync(Run, split)];

    static Task<FunctionAnswer> Suspects(TestStorage storage, string split, string epoch, int limit = 100) =>
        FunctionCall.GetAsync($"split={split}&limit={limit}", r => storage.Function<GetEpochSuspects>().Run(r, Run, epoch, default));

    [Fact]
    public async Task A_bulk_upload_swept_in_any_order_leaves_the_newest_epoch_prepared_for_every_split_before_any_request()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-13.parquet", "epoch-2.parquet", "epoch-8.parquet"], deliver: false);
        // The DevHost's way: one sweep starts the ingests at once; whichever ends last prepares epoch 13.
        await storage.Get<ContainerSweeper>().SweepAsync();

        var newest = (await storage.Storage.Epochs.GetAsync(Run, 13))!;
        Assert.Equal(["train", "validation"], newest.Splits.Select(s => s.Name).Order());
        foreach (var split in newest.Splits.Select(s => s.Name))
        {
            var stored = await StoredAsync(storage, split);
            var epoch13 = $"{Run}/{split}/0000000000000000013-";
            Assert.Single(stored, n => n.StartsWith(epoch13, StringComparison.Ordinal) && !n.EndsWith(".suspects", StringComparison.Ordinal));
            Assert.Single(stored, n => n.StartsWith(epoch13, StringComparison.Ordinal) && n.EndsWith(".suspects", StringComparison.Ordinal));
        }

        // The dashboard's first requests build nothing: the answers kept at the ingest are what they send.
        var answers = storage.Get<AnswerCache>();
        var prepared = answers.TotalBytes;
        Assert.True(prepared > 0, "the ingest kept no answer");
        foreach (var split in newest.Splits.Select(s => s.Name))
        {
            foreach (var epoch in new[] { "13", "8" })
                Assert.Equal(200, (await FunctionCall.GetAsync($"split={split}&format=arrow", r => storage.Function<GetEpochSamples>().Run(r, Run, epoch, default))).Status);
            var dynamics = await FunctionCall.GetAsync($"split={split}&format=arrow&columns={FirstViewAnswers.DashboardDynamics.Key}",
                r => storage.Function<GetEpochDynamics>().Run(r, Run, "13", default));
            Assert.Equal(200, dynamics.Status);
            Assert.Equal(200, (await Suspects(storage, split, "13")).Status);
        }
        Assert.Equal(prepared, answers.TotalBytes);

        DynamicsOracle.AssertSuspectsMatch("sparseBefore", (await Suspects(storage, "validation", "13", limit: 10_000)).Json);
    }

    [Fact]
    public async Task A_new_instance_answers_suspects_from_the_stored_ranking_without_folding()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-3.parquet", "epoch-9.parquet"]);
        var view = await RunView.LoadAsync(storage.Storage, Run, default);
        var link = DynamicsChain.Of(view, 9, "validation")[^1];
        var checkpoints = storage.Get<DynamicsCheckpoints>();
        var stored = await checkpoints.ReadRankingAsync(Run, "validation", link);
        Assert.NotNull(stored);

        // Marked so that only a read of the stored ranking can give it back: a fold would count the real total.
        await checkpoints.WriteRankingAsync(Run, "validation", link, stored with { Total = 123_456 });
        await using var fresh = new ServiceCollection().AddLogging().AddClassVisCloudApi(storage.Options).BuildServiceProvider();
        var answer = await fresh.GetRequiredService<DynamicsApi>().SuspectsAsync(Run, "9", "validation", "10");
        Assert.Equal(200, answer.Status);
        Assert.Contains("\"total\":123456", System.Text.Encoding.UTF8.GetString(answer.Body));
    }

    [Fact]
    public async Task Late_epochs_prepare_the_newest_epoch_again_with_its_whole_history_and_drop_the_stale_ranking()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-8.parquet", "epoch-2.parquet", "epoch-13.parquet"]);
        await storage.UploadRealRunAsync(Run, ["epoch-5.parquet", "epoch-3.parquet"]);

        var stored = await StoredAsync(storage, "validation");
        var view = await RunView.LoadAsync(storage.Storage, Run, default);
        var whole = DynamicsChain.Of(view, 13, "validation")[^1].Hash;
        Assert.Equal([$"{Run}/validation/0000000000000000013-{whole}", $"{Run}/validation/0000000000000000013-{whole}.suspects"], stored.Order(StringComparer.Ordinal));
        DynamicsOracle.AssertSuspectsMatch("sparseAfter", (await Suspects(storage, "validation", "13", limit: 10_000)).Json);
    }

    [Fact]
    public async Task A_rejected_file_that_settles_last_still_leaves_the_newest_complete_epoch_prepared()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-4.parquet"], deliver: false);
        await storage.UploadAsync($"{Run}/epoch-6.parquet", "not parquet"u8.ToArray());
        await storage.Get<ContainerSweeper>().SweepAsync();

        Assert.Equal("failed", (await storage.Storage.Epochs.GetAsync(Run, 6))!.Status);
        foreach (var split in new[] { "train", "validation" })
            Assert.Contains(await StoredAsync(storage, split), n => n.StartsWith($"{Run}/{split}/0000000000000000004-", StringComparison.Ordinal) && n.EndsWith(".suspects", StringComparison.Ordinal));
    }
}
