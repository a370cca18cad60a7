using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Functions.Ingest;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>The contract's promises: idempotent, order-free, nothing lost, atomic.</summary>
public sealed class IngestPromisesTests
{
    const string Run = "promises";
    static readonly string[] FirstEpochs = ["run.json", "epoch-1.parquet", "epoch-2.parquet", "epoch-3.parquet", "epoch-4.parquet"];

    [Fact]
    public async Task Delivering_the_same_blob_twice_changes_nothing_and_costs_no_second_ingest()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, FirstEpochs);
        var before = await TableSnapshot.TakeAsync(storage.Storage);
        var again = await storage.Get<BlobIngestor>().IngestAsync($"{Run}/epoch-2.parquet");
        await storage.DeliverAsync($"{Run}/epoch-2.parquet");
        Assert.Null(again);
        Assert.Equal(before, await TableSnapshot.TakeAsync(storage.Storage));
    }

    [Fact]
    public async Task Epochs_in_reverse_or_concurrent_order_give_the_same_tables_as_in_order()
    {
        await using var inOrder = await TestStorage.CreateAsync();
        await inOrder.UploadRealRunAsync(Run, FirstEpochs);

        await using var reversed = await TestStorage.CreateAsync();
        await reversed.UploadRealRunAsync(Run, FirstEpochs.Reverse());

        await using var concurrent = await TestStorage.CreateAsync();
        await concurrent.UploadRealRunAsync(Run, FirstEpochs, deliver: false);
        await Task.WhenAll(FirstEpochs.Select(f => Task.Run(() => concurrent.DeliverAsync($"{Run}/{f}"))));

        var expected = await TableSnapshot.TakeAsync(inOrder.Storage);
        Assert.Contains(expected, line => line.StartsWith("epochs|promises|", StringComparison.Ordinal));
        AssertSame(expected, await TableSnapshot.TakeAsync(reversed.Storage));
        AssertSame(expected, await TableSnapshot.TakeAsync(concurrent.Storage));
    }

    /// <summary>Equal line sets, naming the first line that differs when they are not.</summary>
    static void AssertSame(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Except(actual).FirstOrDefault(), actual.Except(expected).FirstOrDefault());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_changed_file_replaces_the_epoch_everywhere_and_leaves_no_stale_rows()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-1.parquet", "epoch-2.parquet"]);
        var before = await storage.Storage.Epochs.GetAsync(Run, 2);
        // Epoch 2's file is replaced by one with other samples, other classes and other scores.
        var other = new ClassVisCloud.RunGenerator.RunWriter(new ClassVisCloud.RunGenerator.RunSpec { Samples = 300, Classes = 20, Epochs = 2, Seed = 5 });
        var replacement = new MemoryStream();
        await other.WritePredictionsAsync(replacement, 2);
        await storage.UploadAndDeliverAsync($"{Run}/epoch-2.parquet", replacement.ToArray());
        var after = await storage.Storage.Epochs.GetAsync(Run, 2);
        Assert.Equal("ok", after!.Status);
        Assert.NotEqual(before!.Version, after.Version);
        var snapshot = await TableSnapshot.TakeAsync(storage.Storage);
        Assert.DoesNotContain(snapshot, line => line.Contains(before.Version!, StringComparison.Ordinal));
        var matrices = new List<string>();
        await foreach (var blob in storage.Storage.Matrices.Container.GetBlobsAsync()) matrices.Add(blob.Name);
        Assert.DoesNotContain(matrices, name => name.Contains(before.Version!, StringComparison.Ordinal));
        Assert.Contains(matrices, name => name.Contains(after.Version!, StringComparison.Ordinal));
        Assert.Equal(300, after.Splits.Sum(s => s.Samples));
    }

    [Fact]
    public async Task The_sweep_ingests_a_blob_that_no_trigger_delivered()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-1.parquet"], deliver: false);
        Assert.Null(await storage.Storage.Epochs.GetAsync(Run, 1));
        await storage.Function<SweepRunsContainer>().Run(null!, CancellationToken.None);
        Assert.Equal("ok", (await storage.Storage.Epochs.GetAsync(Run, 1))!.Status);
        Assert.Equal(0, await storage.Get<ContainerSweeper>().SweepAsync());
    }

    [Fact]
    public async Task A_file_that_fails_then_is_replaced_by_a_valid_one_succeeds()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync($"{Run}/epoch-1.parquet", "not parquet at all"u8.ToArray());
        var failed = await storage.Storage.Epochs.GetAsync(Run, 1);
        Assert.Equal("failed", failed!.Status);
        Assert.Contains("Parquet", failed.Error);
        await storage.UploadAndDeliverAsync($"{Run}/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        Assert.Equal("ok", (await storage.Storage.Epochs.GetAsync(Run, 1))!.Status);
    }

    [Fact]
    public async Task While_a_new_version_is_written_readers_still_get_the_previous_complete_one()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(Run, ["run.json", "epoch-1.parquet"]);
        var before = await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, Run, default));
        // Write another version's data without flipping the pointer: what a crash mid-ingest leaves.
        var row = (await storage.Storage.Epochs.GetAsync(Run, 1))!;
        var predictions = await Analytics.Contract.PredictionsReader.ReadAsync(new MemoryStream(RealRun.Read("epoch-18.parquet")),
            new Analytics.Contract.ReadContext(18, null, null, null), default);
        await EpochWriter.WriteAsync(storage.Storage, Run, 1, "half-written", predictions, new IngestStages(), default);
        var during = await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, Run, default));
        Assert.Equal(before.Json.GetProperty("epochs").GetRawText(), during.Json.GetProperty("epochs").GetRawText());
        Assert.Equal(row.Version, (await storage.Storage.Epochs.GetAsync(Run, 1))!.Version);
    }
}
