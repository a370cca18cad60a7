using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>
/// The blob trigger and the sweeps (the timer's, the DevHost's) call one entry point and get the same follow-ups: the
/// training dynamics of a new newest epoch are prepared, and an attention file that waited for its predictions is
/// validated again against them.
/// </summary>
public sealed class OnePipelineTests
{
    public enum Host { BlobTrigger, Sweep }

    static async Task BringInAsync(TestStorage storage, Host host, string blob)
    {
        if (host == Host.BlobTrigger) await storage.DeliverAsync(blob);
        else await storage.Get<ContainerSweeper>().SweepAsync();
    }

    [Theory]
    [InlineData(Host.BlobTrigger)]
    [InlineData(Host.Sweep)]
    public async Task Every_host_prepares_the_dynamics_and_validates_waiting_attention_again(Host host)
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAsync("r1/attention/epoch-1.parquet", RealRun.Read("attention/epoch-1.parquet"));
        await BringInAsync(storage, host, "r1/attention/epoch-1.parquet");
        var attentionETag = (await storage.Container.GetBlobClient("r1/attention/epoch-1.parquet").GetPropertiesAsync()).Value.ETag.ToString();
        Assert.Equal(IngestState.Waiting, (await storage.Get<IngestLedger>().GetStateAsync("r1/attention/epoch-1.parquet", attentionETag))!.State);

        await storage.UploadAsync("r1/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        await BringInAsync(storage, host, "r1/epoch-1.parquet");

        var row = (await storage.Storage.Epochs.GetAsync("r1", 1))!;
        Assert.Equal("ok", row.Status);
        Assert.Equal("ok", row.AttentionStatus);
        Assert.Equal(IngestState.Ingested, (await storage.Get<IngestLedger>().GetStateAsync("r1/attention/epoch-1.parquet", attentionETag))!.State);
        var predictions = (await storage.Get<IngestLedger>().ListAsync("r1", 10)).First(r => r.Blob == "r1/epoch-1.parquet");
        Assert.Contains(predictions.Stages, s => s.Name == IngestStages.Dynamics);
        foreach (var split in row.Splits)
            Assert.NotEmpty(await storage.Get<DynamicsCheckpoints>().ListAsync("r1", split.Name));
    }
}
