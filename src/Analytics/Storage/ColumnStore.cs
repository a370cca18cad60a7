using Azure;
using Azure.Data.Tables;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// Stores named byte columns in one Table partition: a column is cut into 64,000-byte pages, eleven
/// pages to an entity (RowKey "{column}.{entity:D5}", properties "d0".."d10", "len" = column length).
/// A whole epoch's columns are then a handful of partition reads, and one page can be fetched alone.
/// </summary>
public sealed class ColumnStore(TableClient table)
{
    const int Parallelism = 8;
    const string LengthProperty = "len";

    public TableClient Table => table;

    public static string RowKey(string column, int entityIndex) => $"{column}.{entityIndex:D5}";

    public async Task WriteAsync(string partition, IReadOnlyDictionary<string, byte[]> columns, CancellationToken cancellationToken = default)
    {
        // Lazy: an entity exists only while it is being sent, and its pages are views of the column, not copies.
        var entities = columns.SelectMany(c => ToEntities(partition, c.Key, c.Value));
        await Parallel.ForEachAsync(entities, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (entity, ct) => await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct));
    }

    static IEnumerable<TableEntity> ToEntities(string partition, string column, byte[] data)
    {
        var bytesPerEntity = TableLimits.PageBytes * TableLimits.PagesPerEntity;
        var entityCount = Math.Max(1, (data.Length + bytesPerEntity - 1) / bytesPerEntity);
        for (var e = 0; e < entityCount; e++)
        {
            var entity = new TableEntity(partition, RowKey(column, e)) { [LengthProperty] = (long)data.Length };
            for (var p = 0; p < TableLimits.PagesPerEntity; p++)
            {
                var start = (long)e * bytesPerEntity + (long)p * TableLimits.PageBytes;
                if (start >= data.Length) break;
                var length = (int)Math.Min(TableLimits.PageBytes, data.Length - start);
                entity[$"d{p}"] = new BinaryData(data.AsMemory((int)start, length));
            }
            TableLimits.Check(entity, entity);
            yield return entity;
        }
    }

    /// <summary>Reads whole columns of a partition; a column that is absent is missing from the answer.</summary>
    public async Task<Dictionary<string, byte[]>> ReadAsync(string partition, IEnumerable<string> columns, CancellationToken cancellationToken = default)
    {
        var tasks = columns.Distinct().Select(async column => (column, data: await ReadAsync(partition, column, cancellationToken)));
        var results = await Task.WhenAll(tasks);
        return results.Where(r => r.data is not null).ToDictionary(r => r.column, r => r.data!);
    }

    public async Task<byte[]?> ReadAsync(string partition, string column, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {column + "."} and RowKey lt {column + "/"}");
        byte[]? result = null;
        var bytesPerEntity = TableLimits.PageBytes * TableLimits.PagesPerEntity;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result ??= new byte[(long)entity[LengthProperty]];
            var entityIndex = int.Parse(entity.RowKey.AsSpan(column.Length + 1));
            CopyPages(entity, result, (long)entityIndex * bytesPerEntity);
        }
        return result;
    }

    /// <summary>Reads the bytes [offset, offset+length) of a column with point reads of only the pages needed.</summary>
    public async Task<byte[]> ReadRangeAsync(string partition, string column, long offset, int length, CancellationToken cancellationToken = default)
    {
        var result = new byte[length];
        if (length == 0) return result;
        var firstPage = offset / TableLimits.PageBytes;
        var lastPage = (offset + length - 1) / TableLimits.PageBytes;
        var byEntity = Enumerable.Range(0, (int)(lastPage - firstPage + 1)).Select(i => firstPage + i)
            .GroupBy(page => page / TableLimits.PagesPerEntity);
        await Parallel.ForEachAsync(byEntity, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var select = group.Select(page => $"d{page % TableLimits.PagesPerEntity}").ToList();
            var response = await table.GetEntityAsync<TableEntity>(partition, RowKey(column, (int)group.Key), select, ct);
            foreach (var page in group)
            {
                var bytes = AsBytes(response.Value[$"d{page % TableLimits.PagesPerEntity}"])!;
                var pageStart = page * TableLimits.PageBytes;
                var from = Math.Max(offset, pageStart);
                var to = Math.Min(offset + length, pageStart + bytes.Length);
                if (to > from) Array.Copy(bytes, from - pageStart, result, from - offset, to - from);
            }
        });
        return result;
    }

    static void CopyPages(TableEntity entity, byte[] target, long entityStart)
    {
        for (var p = 0; p < TableLimits.PagesPerEntity; p++)
        {
            if (!entity.TryGetValue($"d{p}", out var value) || AsBytes(value) is not { } bytes) break;
            Array.Copy(bytes, 0, target, entityStart + (long)p * TableLimits.PageBytes, bytes.Length);
        }
    }

    static byte[]? AsBytes(object? value) => value switch { byte[] b => b, BinaryData d => d.ToArray(), _ => null };

    /// <summary>Deletes every entity of a partition (an old epoch version), a hundred per transaction.</summary>
    public async Task DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            keys.Add(new TableEntity(partition, entity.RowKey) { ETag = ETag.All });
        foreach (var chunk in keys.Chunk(TableLimits.MaxBatchEntities))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            try { await table.SubmitTransactionAsync(actions, cancellationToken); }
            catch (TableTransactionFailedException ex) when (ex.Status == 404) { /* a concurrent cleaner got there first */ }
        }
    }

    /// <summary>Deletes one column's entities.</summary>
    public async Task DeleteColumnAsync(string partition, string column, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {column + "."} and RowKey lt {column + "/"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            try { await table.DeleteEntityAsync(partition, entity.RowKey, ETag.All, cancellationToken); }
            catch (RequestFailedException ex) when (ex.Status == 404) { }
        }
    }

    /// <summary>Every column of a partition (e.g. all bitmaps of a split), whole.</summary>
    public async Task<Dictionary<string, byte[]>> ReadPartitionAsync(string partition, CancellationToken cancellationToken = default)
    {
        var columns = new Dictionary<string, byte[]>();
        var bytesPerEntity = TableLimits.PageBytes * TableLimits.PagesPerEntity;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            var dot = entity.RowKey.LastIndexOf('.');
            var column = entity.RowKey[..dot];
            if (!columns.TryGetValue(column, out var data)) columns[column] = data = new byte[(long)entity[LengthProperty]];
            CopyPages(entity, data, (long)int.Parse(entity.RowKey.AsSpan(dot + 1)) * bytesPerEntity);
        }
        return columns;
    }
}
