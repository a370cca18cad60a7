using Azure.Data.Tables;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Storage;

/// <summary>Packed columns in a real Azurite: every entity within the real service's limits, and the bytes back unchanged.</summary>
public sealed class ColumnStoreTests
{
    [Fact]
    public async Task A_3_MB_column_is_stored_in_entities_the_real_service_accepts_and_reads_back_whole_and_in_part()
    {
        await using var storage = await TestStorage.CreateAsync();
        var data = new byte[3_000_123];
        new Random(7).NextBytes(data);
        var store = storage.Storage.Data;
        await store.WriteAsync("p1", new Dictionary<string, byte[]> { ["s0-big"] = data });

        var entities = new List<TableEntity>();
        await foreach (var entity in store.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p1"}")))
            entities.Add(entity);
        Assert.Equal(5, entities.Count); // 3,000,123 bytes / (11 × 64,000) per entity
        foreach (var entity in entities)
        {
            var pages = entity.Keys.Where(k => k.StartsWith('d')).ToList();
            Assert.InRange(pages.Count, 1, TableLimits.PagesPerEntity);
            Assert.All(pages, p => Assert.InRange(((byte[])entity[p]).Length, 1, TableLimits.MaxPropertyBytes));
            Assert.InRange(pages.Sum(p => ((byte[])entity[p]).Length), 1, 760_000); // under 1 MiB once base64-encoded
        }

        Assert.Equal(data, await store.ReadAsync("p1", "s0-big"));
        Assert.Equal(data.AsSpan(703_990, 100_000).ToArray(), await store.ReadRangeAsync("p1", "s0-big", 703_990, 100_000));
        Assert.Null(await store.ReadAsync("p1", "s0-bi"));
    }

    [Fact]
    public async Task Deleting_a_partition_removes_every_entity_in_batches_of_at_most_100()
    {
        await using var storage = await TestStorage.CreateAsync();
        var store = storage.Storage.Data;
        var columns = Enumerable.Range(0, 250).ToDictionary(i => $"c{i:D3}", i => new byte[] { (byte)i });
        await store.WriteAsync("p2", columns);
        await store.DeletePartitionAsync("p2");
        Assert.Empty(await store.ReadPartitionAsync("p2"));
    }
}
