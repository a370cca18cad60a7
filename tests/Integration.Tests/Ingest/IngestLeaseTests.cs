using Azure.Data.Tables;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>
/// Claims are short leases: a dead worker's is taken over once it lapses (and counted as an interruption), a
/// redelivery then ingests, a worker that lost its lease stops before the pointer flip, a host that stops gives it back.
/// </summary>
public sealed class IngestLeaseTests
{
    const string Blob = "leases/epoch-1.parquet";
    static readonly IngestOptions ShortLease = new() { Lease = TimeSpan.FromSeconds(3) };

    /// <summary>A worker that claimed the blob and died: its lease is never renewed nor settled.</summary>
    static async Task<string> ClaimAndDieAsync(TestStorage storage)
    {
        var etag = (await storage.Container.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString();
        var (lease, _) = await storage.Get<IngestLedger>().TryClaimAsync(Blob, etag, force: false);
        Assert.NotNull(lease);
        await lease.DisposeAsync();
        return etag;
    }

    static async Task<LedgerEntry> RecordAsync(TestStorage storage, string etag) => (await storage.Get<IngestLedger>().GetAsync(Blob, etag))!;

    [Fact]
    public async Task A_redelivery_after_a_dead_workers_lease_lapsed_ingests_the_blob_and_counts_the_interruption()
    {
        await using var storage = await TestStorage.CreateAsync(ShortLease);
        await storage.UploadAsync(Blob, RealRun.Read("epoch-1.parquet"));
        var etag = await ClaimAndDieAsync(storage);

        // While the lease holds, a look that does not wait (the sweep's) leaves the blob to its holder.
        Assert.Null(await storage.Get<BlobIngestor>().IngestAsync(Blob));
        while ((await storage.Get<IngestLedger>().GetStateAsync(Blob, etag))!.IsHeld(DateTimeOffset.UtcNow)) await Task.Delay(200);

        await storage.DeliverAsync(Blob);
        Assert.Equal("ok", (await storage.Storage.Epochs.GetAsync("leases", 1))!.Status);
        var record = await RecordAsync(storage, etag);
        Assert.Equal(IngestState.Ingested, record.State);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(1, record.Interruptions);
    }

    [Fact]
    public async Task A_redelivery_while_a_dead_workers_lease_still_holds_waits_for_it_to_lapse_and_ingests()
    {
        await using var storage = await TestStorage.CreateAsync(ShortLease);
        await storage.UploadAsync(Blob, RealRun.Read("epoch-1.parquet"));
        await ClaimAndDieAsync(storage);
        var started = DateTime.UtcNow;
        await storage.DeliverAsync(Blob);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        Assert.Equal("ok", (await storage.Storage.Epochs.GetAsync("leases", 1))!.Status);
    }

    [Fact]
    public async Task A_worker_whose_lease_was_taken_over_stops_before_the_pointer_flip_and_records_nothing()
    {
        TestStorage? storage = null;
        storage = await TestStorage.CreateAsync(ShortLease, services => services.AddSingleton<IngestStarting>(blob =>
        {
            // Another worker takes the blob over (as after a pause longer than the lease), then this one goes on.
            var ledger = storage!.Storage.Ledger;
            var entity = ledger.GetEntity<TableEntity>(Layout.BlobKey(blob.Path.Name), Layout.Version(blob.ETag)).Value;
            entity["LeaseOwner"] = "another worker";
            entity["LeaseUntil"] = DateTimeOffset.UtcNow.AddMinutes(5);
            ledger.UpdateEntity(entity, entity.ETag, TableUpdateMode.Merge);
            Thread.Sleep(TimeSpan.FromSeconds(2.5)); // longer than a renewal period (a third of the lease)
        }));
        await using (storage)
        {
            await storage.UploadAsync(Blob, RealRun.Read("epoch-1.parquet"));
            Assert.Null(await storage.Get<BlobIngestor>().IngestAsync(Blob));

            var row = await storage.Storage.Epochs.GetAsync("leases", 1);
            Assert.True(row is null || row.Version is null, "the pointer was flipped by a worker that had lost its lease");
            var record = await RecordAsync(storage, (await storage.Container.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString());
            Assert.Equal(IngestState.Processing, record.State);
            Assert.Equal("another worker", record.LeaseOwner);
            Assert.Empty(await storage.Get<IngestLedger>().ListAsync(null, 10));
        }
    }

    [Fact]
    public async Task A_host_that_stops_mid_ingest_gives_the_lease_back_and_the_next_sweep_ingests_at_once()
    {
        using var stopping = new CancellationTokenSource();
        await using var storage = await TestStorage.CreateAsync(new IngestOptions { Lease = TimeSpan.FromMinutes(5) },
            services => services.AddSingleton<IngestStarting>(_ => stopping.Cancel()));
        await storage.UploadAsync(Blob, RealRun.Read("epoch-1.parquet"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storage.Get<BlobIngestor>().IngestAsync(Blob, cancellationToken: stopping.Token));

        var etag = (await storage.Container.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString();
        var state = await storage.Get<IngestLedger>().GetStateAsync(Blob, etag);
        Assert.Equal(IngestState.Retrying, state!.State);
        Assert.False(state.IsHeld(DateTimeOffset.UtcNow));

        Assert.Equal(1, await storage.Get<ContainerSweeper>().SweepAsync());
        var record = await RecordAsync(storage, etag);
        Assert.Equal(IngestState.Ingested, record.State);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(0, record.Interruptions);
    }

    [Fact]
    public async Task A_lease_held_by_a_live_worker_is_renewed_past_its_length()
    {
        await using var storage = await TestStorage.CreateAsync(ShortLease);
        await storage.UploadAsync(Blob, RealRun.Read("epoch-1.parquet"));
        var etag = (await storage.Container.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString();
        var (lease, _) = await storage.Get<IngestLedger>().TryClaimAsync(Blob, etag, force: false);
        await using (lease)
        {
            await Task.Delay(TimeSpan.FromSeconds(7));
            Assert.False(lease!.Lost.IsCancellationRequested);
            Assert.True((await storage.Get<IngestLedger>().GetStateAsync(Blob, etag))!.IsHeld(DateTimeOffset.UtcNow));
            Assert.Null((await storage.Get<IngestLedger>().TryClaimAsync(Blob, etag, force: false)).Lease);
        }
    }
}
