using System.ComponentModel.DataAnnotations;

namespace ClassVisCloud.Api;

// The answers of GET /api/runs, GET /api/runs/{run} and GET /api/ingests. Property order is the JSON's order.

/// <summary>GET /api/runs.</summary>
public sealed record RunList(IReadOnlyList<RunListEntry> Runs);

/// <summary>A run in the list: <c>samples</c> over all splits of its last ok epoch; <c>updated</c> ISO 8601 UTC of its last ingest.</summary>
public sealed record RunListEntry(
    string Run,
    string Name,
    int Classes,
    int Epochs,
    long? LastEpoch,
    int Samples,
    string? Updated,
    [property: AllowedValues("ok", "pending", "failed")] string Status,
    int FailedEpochs);

/// <summary>GET /api/runs/{run}: classes, splits, the manifest's state and every epoch (ascending).</summary>
public sealed record RunDetail(
    string Run,
    string Name,
    string? Description,
    [property: AllowedValues("probabilities", "logits", "mixed")] string ScoreKind,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Splits,
    ManifestState Manifest,
    [property: AllowedValues("ok", "pending", "failed")] string Status,
    string? Updated,
    IReadOnlyList<EpochInfo> Epochs);

public sealed record ManifestState([property: AllowedValues("absent", "ok", "failed")] string Status, string? Error);

/// <summary>One epoch of a run: its status, and per split its figures (none unless ok).</summary>
public sealed record EpochInfo(
    long Epoch,
    [property: AllowedValues("ok", "failed", "pending")] string Status,
    string? Error,
    AttentionState? Attention,
    IReadOnlyDictionary<string, SplitStats> Splits);

public sealed record AttentionState([property: AllowedValues("ok", "failed", "pending")] string Status, string? Error);

public sealed record SplitStats(int Samples, int Correct, double Accuracy, double Loss);

/// <summary>GET /api/ingests: every blob seen, newest first.</summary>
public sealed record IngestList(IReadOnlyList<IngestEntry> Ingests);

/// <summary>What happened to one blob version; <c>stages</c> says where an ingest's time went (milliseconds, in order).</summary>
public sealed record IngestEntry(
    string Blob,
    string Etag,
    [property: AllowedValues("ingested", "rejected", "ignored", "retrying", "processing")] string Outcome,
    string? Reason,
    string? Run,
    long? Epoch,
    int Samples,
    long Milliseconds,
    string At,
    IReadOnlyDictionary<string, double> Stages);
