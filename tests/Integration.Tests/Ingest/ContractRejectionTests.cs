using System.Text.Json;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>Files that break the contract fail their epoch with a clear reason, shown by the API, and are not retried.</summary>
public sealed class ContractRejectionTests
{
    static async Task<JsonElement> IngestsAsync(TestStorage storage, string? run = null) =>
        (await FunctionCall.GetAsync(run is null ? "" : $"run={run}", r => storage.Function<ListIngests>().Run(r, default))).Json.GetProperty("ingests");

    [Fact]
    public async Task A_blob_that_is_not_Parquet_fails_its_epoch_with_that_reason_in_the_run_summary()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/epoch-3.parquet", "hello"u8.ToArray());
        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "r1", default))).Json;
        var epoch = run.GetProperty("epochs")[0];
        Assert.Equal("failed", epoch.GetProperty("status").GetString());
        Assert.Contains("not a Parquet file", epoch.GetProperty("error").GetString());
        var runs = (await FunctionCall.GetAsync("", r => storage.Function<ListRuns>().Run(r, default))).Json.GetProperty("runs");
        Assert.Equal("failed", runs[0].GetProperty("status").GetString());
        var ingest = (await IngestsAsync(storage, "r1"))[0];
        Assert.Equal("rejected", ingest.GetProperty("outcome").GetString());
        Assert.Contains("not a Parquet file", ingest.GetProperty("reason").GetString());
        // Not retried: the sweep leaves a rejected ETag alone.
        Assert.Equal(0, await storage.Get<Analytics.Ingest.ContainerSweeper>().SweepAsync());
    }

    [Fact]
    public async Task An_empty_blob_is_rejected_with_a_reason()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/epoch-1.parquet", []);
        var row = await storage.Storage.Epochs.GetAsync("r1", 1);
        Assert.Equal("failed", row!.Status);
        Assert.False(string.IsNullOrWhiteSpace(row.Error));
    }

    [Theory]
    [InlineData("bad name!/epoch-1.parquet", "may hold only")]
    [InlineData(".hidden/epoch-1.parquet", "may not start with '.'")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234/epoch-1.parquet", "at most 63")]
    public async Task A_blob_of_an_invalid_run_name_is_rejected_and_never_becomes_a_run(string blob, string reason)
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync(blob, RealRun.Read("epoch-1.parquet"));
        var ingest = (await IngestsAsync(storage))[0];
        Assert.Equal("rejected", ingest.GetProperty("outcome").GetString());
        Assert.Contains(reason, ingest.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, ingest.GetProperty("run").ValueKind);
        var runs = (await FunctionCall.GetAsync("", r => storage.Function<ListRuns>().Run(r, default))).Json.GetProperty("runs");
        Assert.Equal(0, runs.GetArrayLength());
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("r1/model.pt")]
    [InlineData("r1/epoch-1.csv")]
    public async Task Other_blobs_are_ignored_and_the_log_says_so(string blob)
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync(blob, "x"u8.ToArray());
        var ingest = (await IngestsAsync(storage))[0];
        Assert.Equal("ignored", ingest.GetProperty("outcome").GetString());
        Assert.Equal(blob, ingest.GetProperty("blob").GetString());
    }

    [Fact]
    public async Task Two_blobs_naming_one_epoch_fail_it_naming_both_until_one_is_deleted()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/epoch-7.parquet", RealRun.Read("epoch-7.parquet"));
        await storage.UploadAndDeliverAsync("r1/epoch-007.parquet", RealRun.Read("epoch-8.parquet"));
        var row = await storage.Storage.Epochs.GetAsync("r1", 7);
        Assert.Equal("failed", row!.Status);
        Assert.Contains("r1/epoch-7.parquet", row.Error);
        Assert.Contains("r1/epoch-007.parquet", row.Error);
        await storage.Container.DeleteBlobAsync("r1/epoch-007.parquet");
        await storage.Get<Analytics.Ingest.ContainerSweeper>().SweepAsync();
        row = await storage.Storage.Epochs.GetAsync("r1", 7);
        Assert.Equal("ok", row!.Status);
        Assert.Equal("r1/epoch-7.parquet", row.Blob);
    }

    [Fact]
    public async Task A_malformed_manifest_is_reported_and_epochs_are_still_ingested_with_the_last_valid_names()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/run.json", RealRun.Read("run.json"));
        await storage.UploadAndDeliverAsync("r1/run.json", "{ not json"u8.ToArray());
        await storage.UploadAndDeliverAsync("r1/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "r1", default))).Json;
        Assert.Equal("failed", run.GetProperty("manifest").GetProperty("status").GetString());
        Assert.Contains("run.json", run.GetProperty("manifest").GetProperty("error").GetString());
        Assert.Equal("ok", run.GetProperty("epochs")[0].GetProperty("status").GetString());
        Assert.Equal("art", run.GetProperty("classes")[0].GetString());
    }

    [Fact]
    public async Task A_manifest_may_not_change_the_class_count_of_ingested_epochs()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        var nine = JsonSerializer.SerializeToUtf8Bytes(new { classes = Enumerable.Range(0, 9).Select(i => $"c{i}") });
        await storage.UploadAndDeliverAsync("r1/run.json", nine);
        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "r1", default))).Json;
        Assert.Equal("failed", run.GetProperty("manifest").GetProperty("status").GetString());
        Assert.Contains("may not change C (9 vs 20)", run.GetProperty("manifest").GetProperty("error").GetString());
        Assert.Equal("ok", run.GetProperty("epochs")[0].GetProperty("status").GetString());
        Assert.Equal("0", run.GetProperty("classes")[0].GetString());
    }

    [Theory]
    [InlineData("description", "the description is 40000 characters")]
    [InlineData("classes", "the class list is")]
    public async Task A_manifest_too_large_to_store_is_rejected_with_its_reason_at_the_first_attempt(string field, string reason)
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/run.json", RealRun.Read("run.json"));
        var large = field == "description"
            ? JsonSerializer.SerializeToUtf8Bytes(new { description = new string('d', 40_000) })
            : JsonSerializer.SerializeToUtf8Bytes(new { classes = Enumerable.Range(0, 2_000).Select(i => $"class-{i:D4}-{new string('c', 20)}") });
        await storage.UploadAndDeliverAsync("r1/run.json", large);

        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "r1", default))).Json;
        Assert.Equal("failed", run.GetProperty("manifest").GetProperty("status").GetString());
        Assert.Contains(reason, run.GetProperty("manifest").GetProperty("error").GetString());
        Assert.Contains("64 KiB", run.GetProperty("manifest").GetProperty("error").GetString());
        Assert.Equal("art", run.GetProperty("classes")[0].GetString());
        var ingest = (await IngestsAsync(storage, "r1"))[0];
        Assert.Equal("rejected", ingest.GetProperty("outcome").GetString());
        var blob = storage.Container.GetBlobClient("r1/run.json");
        var record = await storage.Get<Analytics.Ingest.IngestLedger>().GetAsync(blob.Name, (await blob.GetPropertiesAsync()).Value.ETag.ToString());
        Assert.Equal(1, record!.Attempts);
        Assert.Equal(0, await storage.Get<Analytics.Ingest.ContainerSweeper>().SweepAsync());
    }

    [Fact]
    public async Task Attention_naming_a_sample_outside_the_predictions_fails_the_attention_only()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        var attention = await ParquetFiles.AttentionAsync(
            new AttentionRow("f-00003", 0, 0, "hello", 1f, 1f),
            new AttentionRow("no-such-sample", 0, 0, "world", 1f, 1f));
        await storage.UploadAndDeliverAsync("r1/attention/epoch-1.parquet", attention);
        var row = await storage.Storage.Epochs.GetAsync("r1", 1);
        Assert.Equal("ok", row!.Status);
        Assert.Equal("failed", row.AttentionStatus);
        Assert.Contains("sample_id", row.AttentionError);
        Assert.Contains("no-such-sample", row.AttentionError);
        var run = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "r1", default))).Json;
        Assert.Equal("failed", run.GetProperty("epochs")[0].GetProperty("attention").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Attention_that_arrives_before_its_predictions_waits_and_is_ingested_after_them()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r1/attention/epoch-2.parquet", RealRun.Read("attention/epoch-2.parquet"));
        var waiting = await storage.Storage.Epochs.GetAsync("r1", 2);
        Assert.Equal("pending", waiting!.Status);
        Assert.Equal("pending", waiting.AttentionStatus);
        await storage.UploadAndDeliverAsync("r1/epoch-2.parquet", RealRun.Read("epoch-2.parquet"));
        var done = await storage.Storage.Epochs.GetAsync("r1", 2);
        Assert.Equal("ok", done!.Status);
        Assert.Equal("ok", done.AttentionStatus);
    }
}
