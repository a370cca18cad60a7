using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace ClassVisCloud.Analytics.Storage;

public static class EpochStatus
{
    public const string Pending = "pending";
    public const string Ok = "ok";
    public const string Failed = "failed";
}

/// <summary>The small per-split summary kept on the epoch row: the run summary of 200 epochs is one partition read.</summary>
public sealed record SplitSummary(string Name, int Samples, int Correct, double Loss, string SetHash)
{
    public double Accuracy => Samples == 0 ? 0 : (double)Correct / Samples;
}

/// <summary>
/// One epoch of a run (PartitionKey = run, RowKey = epoch). Its <see cref="Version"/> is the pointer
/// to the complete data readers follow: it changes in one entity update, after all the data is written,
/// so a reader sees the old version or the new one, never a mix.
/// </summary>
public sealed record EpochRecord
{
    public required string Run { get; init; }
    public required long Epoch { get; init; }
    public string Status { get; init; } = EpochStatus.Pending;
    public string? Error { get; init; }
    /// <summary>The blob whose content is (or is becoming) this epoch, its ETag and time.</summary>
    public string? Blob { get; init; }
    public string? BlobETag { get; init; }
    public DateTimeOffset? BlobModified { get; init; }
    /// <summary>Current data version; null while the epoch has no complete data.</summary>
    public string? Version { get; init; }
    public int ClassCount { get; init; }
    public string? ScoreKind { get; init; }
    public bool IntegerIds { get; init; }
    public IReadOnlyList<string>? ClassNames { get; init; }
    public IReadOnlyList<SplitSummary> Splits { get; init; } = [];
    public DateTimeOffset? IngestedAt { get; init; }
    public string? AttentionStatus { get; init; }
    public string? AttentionError { get; init; }
    public string? AttentionVersion { get; init; }
    public string? AttentionBlob { get; init; }
    public string? AttentionETag { get; init; }
    public ETag RowETag { get; init; }

    public bool IsOk => Status == EpochStatus.Ok && Version is not null;

    public int SplitIndex(string split)
    {
        for (var i = 0; i < Splits.Count; i++) if (Splits[i].Name == split) return i;
        return -1;
    }

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(Run, Layout.EpochRowKey(Epoch))
        {
            ["Epoch"] = Epoch, ["Status"] = Status, ["Error"] = Error, ["Blob"] = Blob, ["BlobETag"] = BlobETag,
            ["BlobModified"] = BlobModified, ["Version"] = Version, ["ClassCount"] = ClassCount, ["ScoreKind"] = ScoreKind,
            ["IntegerIds"] = IntegerIds, ["ClassNames"] = ClassNames is null ? null : JsonSerializer.Serialize(ClassNames),
            ["Splits"] = JsonSerializer.Serialize(Splits), ["IngestedAt"] = IngestedAt,
            ["AttentionStatus"] = AttentionStatus, ["AttentionError"] = AttentionError, ["AttentionVersion"] = AttentionVersion,
            ["AttentionBlob"] = AttentionBlob, ["AttentionETag"] = AttentionETag,
        };
        TableLimits.Check(entity, entity);
        return entity;
    }

    public static EpochRecord FromEntity(TableEntity entity) => new()
    {
        Run = entity.PartitionKey,
        Epoch = entity.GetInt64("Epoch") ?? long.Parse(entity.RowKey),
        Status = entity.GetString("Status") ?? EpochStatus.Pending,
        Error = entity.GetString("Error"),
        Blob = entity.GetString("Blob"),
        BlobETag = entity.GetString("BlobETag"),
        BlobModified = entity.GetDateTimeOffset("BlobModified"),
        Version = entity.GetString("Version"),
        ClassCount = entity.GetInt32("ClassCount") ?? 0,
        ScoreKind = entity.GetString("ScoreKind"),
        IntegerIds = entity.GetBoolean("IntegerIds") ?? false,
        ClassNames = entity.GetString("ClassNames") is { } names ? JsonSerializer.Deserialize<string[]>(names) : null,
        Splits = entity.GetString("Splits") is { } splits ? JsonSerializer.Deserialize<SplitSummary[]>(splits) ?? [] : [],
        IngestedAt = entity.GetDateTimeOffset("IngestedAt"),
        AttentionStatus = entity.GetString("AttentionStatus"),
        AttentionError = entity.GetString("AttentionError"),
        AttentionVersion = entity.GetString("AttentionVersion"),
        AttentionBlob = entity.GetString("AttentionBlob"),
        AttentionETag = entity.GetString("AttentionETag"),
        RowETag = entity.ETag,
    };
}
