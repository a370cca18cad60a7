using System.Text.Json;
using Azure.Data.Tables;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Storage;

public static class ManifestStatus
{
    public const string Absent = "absent";
    public const string Ok = "ok";
    public const string Failed = "failed";
}

/// <summary>A run's own row: the state of its manifest (and the last valid one), and when it last changed.</summary>
public sealed record RunRecord(string Run, DateTimeOffset? Updated, string ManifestStatus, string? ManifestError, RunManifest? Manifest);

/// <summary>The runs table: PartitionKey "run", RowKey = run name. Each writer merges only its own properties.</summary>
public sealed class RunRecords(TableClient table)
{
    public TableClient Table => table;

    static readonly JsonSerializerOptions Json = StoredJson.Options;

    public async Task<RunRecord?> GetAsync(string run, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Layout.RunsPartition, run, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<List<RunRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var runs = new List<RunRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Layout.RunsPartition}"), cancellationToken: cancellationToken))
            runs.Add(FromEntity(e));
        return runs;
    }

    public Task TouchAsync(string run, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(Layout.RunsPartition, run) { ["Updated"] = at }, TableUpdateMode.Merge, cancellationToken);

    public Task SetManifestAsync(string run, RunManifest manifest, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(Checked(new TableEntity(Layout.RunsPartition, run)
        {
            ["Updated"] = at, ["ManifestStatus"] = ManifestStatus.Ok, ["ManifestError"] = null,
            ["Manifest"] = StoredManifest(manifest),
        }), TableUpdateMode.Merge, cancellationToken);

    /// <summary>The manifest as the run's row holds it: one JSON property.</summary>
    public static string StoredManifest(RunManifest manifest) => JsonSerializer.Serialize(manifest, Json);

    /// <summary>The most characters one string property holds: the service counts UTF-16 bytes.</summary>
    public const int MaxManifestChars = TableLimits.MaxPropertyBytes / 2;

    /// <summary>A malformed manifest: the error is shown, the last valid manifest stays in force.</summary>
    public Task SetManifestErrorAsync(string run, string error, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(Checked(new TableEntity(Layout.RunsPartition, run)
        {
            ["Updated"] = at, ["ManifestStatus"] = ManifestStatus.Failed, ["ManifestError"] = error,
        }), TableUpdateMode.Merge, cancellationToken);

    static TableEntity Checked(TableEntity entity)
    {
        TableLimits.Check(entity, entity);
        return entity;
    }

    static RunRecord FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetDateTimeOffset("Updated"),
        e.GetString("ManifestStatus") ?? ManifestStatus.Absent,
        e.GetString("ManifestError"),
        e.GetString("Manifest") is { } json ? JsonSerializer.Deserialize<RunManifest>(json, Json) : null);
}
