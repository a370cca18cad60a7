using Azure.Data.Tables;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>
/// The content of the result tables as sorted text lines, without what is meant to differ between two
/// equivalent histories (times, durations, ETags): two snapshots are equal when readers see the same data.
/// The ledger and the ingest history are left out: they are a log of events, not results.
/// </summary>
public static class TableSnapshot
{
    static readonly HashSet<string> Volatile = ["Timestamp", "odata.etag", "IngestedAt", "Updated", "BlobModified", "BlobETag", "AttentionETag"];

    public static async Task<List<string>> TakeAsync(StorageClients storage)
    {
        var lines = new List<string>();
        foreach (var (name, table) in new[] { ("runs", storage.Runs.Table), ("epochs", storage.Epochs.Table), ("data", storage.Data.Table), ("bits", storage.Bits.Table) })
        {
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                var properties = entity.Keys.Where(k => !Volatile.Contains(k) && k is not ("PartitionKey" or "RowKey")).Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={Show(entity[k])}");
                lines.Add($"{name}|{entity.PartitionKey}|{entity.RowKey}|{string.Join(";", properties)}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    static string Show(object? value) => value switch
    {
        byte[] bytes => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16],
        null => "null",
        _ => value.ToString() ?? "",
    };
}
