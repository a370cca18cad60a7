using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>The sweep remembers what is settled instead of reading the whole ledger, and still misses nothing.</summary>
public sealed class ContainerSweeperTests
{
    [Fact]
    public async Task A_sweep_that_remembers_a_settled_epoch_still_ingests_it_again_once_its_duplicate_is_deleted()
    {
        await using var storage = await TestStorage.CreateAsync();
        var sweeper = storage.Get<ContainerSweeper>();
        await storage.UploadAsync("r1/epoch-7.parquet", RealRun.Read("epoch-7.parquet"));
        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.Equal(0, await sweeper.SweepAsync());

        // The duplicate is listed by a sweep before its event is handled: epoch-7 is read again, still without a conflict.
        await storage.UploadAsync("r1/epoch-007.parquet", RealRun.Read("epoch-8.parquet"));
        var etag = (await storage.Container.GetBlobClient("r1/epoch-007.parquet").GetPropertiesAsync()).Value.ETag.ToString();
        var (lease, _) = await storage.Get<IngestLedger>().TryClaimAsync("r1/epoch-007.parquet", etag, force: false);
        await using (lease)
        {
            Assert.Equal(0, await sweeper.SweepAsync());
            await storage.Get<IngestLedger>().ReleaseAsync(lease!);
        }
        await storage.DeliverAsync("r1/epoch-007.parquet");
        Assert.Equal("failed", (await storage.Storage.Epochs.GetAsync("r1", 7))!.Status);
        Assert.Equal(0, await sweeper.SweepAsync());

        await storage.Container.DeleteBlobAsync("r1/epoch-007.parquet");
        Assert.Equal(1, await sweeper.SweepAsync());
        var row = await storage.Storage.Epochs.GetAsync("r1", 7);
        Assert.Equal("ok", row!.Status);
        Assert.Equal("r1/epoch-7.parquet", row.Blob);
    }

    [Fact]
    public async Task A_sweep_ingests_what_a_dead_worker_left_once_its_lease_lapses()
    {
        await using var storage = await TestStorage.CreateAsync(new IngestOptions { Lease = TimeSpan.FromSeconds(3) });
        var sweeper = storage.Get<ContainerSweeper>();
        await storage.UploadAsync("r1/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        var etag = (await storage.Container.GetBlobClient("r1/epoch-1.parquet").GetPropertiesAsync()).Value.ETag.ToString();
        var (lease, _) = await storage.Get<IngestLedger>().TryClaimAsync("r1/epoch-1.parquet", etag, force: false);
        await lease!.DisposeAsync();

        Assert.Equal(0, await sweeper.SweepAsync());
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.Equal("ok", (await storage.Storage.Epochs.GetAsync("r1", 1))!.Status);
    }
}
