using Azure;
using Azure.Data.Tables;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>Reads and writes epoch rows, with optimistic concurrency on every change.</summary>
public sealed class EpochRows(TableClient table)
{
    public TableClient Table => table;

    public async Task<EpochRecord?> GetAsync(string run, long epoch, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(run, Layout.EpochRowKey(epoch), cancellationToken: cancellationToken);
        return response.HasValue ? EpochRecord.FromEntity(response.Value!) : null;
    }

    /// <summary>Every epoch of a run, ascending: one partition query.</summary>
    public async Task<List<EpochRecord>> ListAsync(string run, CancellationToken cancellationToken = default)
    {
        var rows = new List<EpochRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {run}"), cancellationToken: cancellationToken))
            rows.Add(EpochRecord.FromEntity(entity));
        return rows;
    }

    /// <summary>Creates the row as pending when the epoch has none yet; an existing row is left as it is.</summary>
    public async Task EnsureExistsAsync(string run, long epoch, CancellationToken cancellationToken = default)
    {
        try { await table.AddEntityAsync(new EpochRecord { Run = run, Epoch = epoch }.ToEntity(), cancellationToken); }
        catch (RequestFailedException ex) when (ex.Status == 409) { }
    }

    /// <summary>
    /// Applies a change to the current row, retrying on concurrent writers. The change returns null to
    /// leave the row alone. Returns the row as written (or as found, when left alone).
    /// </summary>
    public async Task<(EpochRecord Row, bool Written)> UpdateAsync(string run, long epoch, Func<EpochRecord, EpochRecord?> change, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = await GetAsync(run, epoch, cancellationToken) ?? new EpochRecord { Run = run, Epoch = epoch };
            var next = change(current);
            if (next is null) return (current, false);
            try
            {
                if (current.RowETag == default) await table.AddEntityAsync(next.ToEntity(), cancellationToken);
                else await table.UpdateEntityAsync(next.ToEntity(), current.RowETag, TableUpdateMode.Replace, cancellationToken);
                return (next, true);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another ingest changed the row between our read and write: read again and re-decide.
            }
        }
    }
}
