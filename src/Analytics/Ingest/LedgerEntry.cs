using Azure;
using Azure.Data.Tables;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>What the sweep should do with a listed blob version, given its ledger record.</summary>
public enum SweepAction
{
    /// <summary>Final, with no conflict to watch: remembered, and not read again while the blob is unchanged.</summary>
    Settled,
    /// <summary>Held by a live lease, waiting for another blob, or final with a conflicting blob still there.</summary>
    Leave,
    /// <summary>Never seen, retrying, or its worker's lease lapsed.</summary>
    Ingest,
    /// <summary>Final, but the blob it conflicted with is gone: ingested again (forced).</summary>
    Reingest,
}

/// <summary>
/// One blob version's ledger record: its state, its lease, the blob it conflicts with, its attempts so far and its
/// outcome's figures. The only reader of the ledger's stored fields (<see cref="LedgerFields"/>); rows stored before
/// the state had a type of its own read as they always meant.
/// </summary>
public sealed record LedgerEntry(
    string Blob,
    string ETag,
    IngestState State,
    DateTimeOffset? LeaseUntil,
    string? LeaseOwner,
    string? ConflictWith,
    int Attempts,
    int Interruptions,
    string? Reason,
    int Samples,
    long Milliseconds)
{
    /// <summary>The stored entity's own ETag, for a conditional update.</summary>
    internal Azure.ETag Version { get; init; }

    /// <summary>A worker holds a lease on it that has not lapsed.</summary>
    public bool IsHeld(DateTimeOffset now) => State == IngestState.Processing && LeaseUntil > now;

    /// <summary>The sweep's rule: what to do with a listed blob version whose record this is (<paramref name="isListed"/> says whether a blob is still there).</summary>
    public SweepAction Sweep(DateTimeOffset now, Func<string, bool> isListed)
    {
        if (State.IsFinal())
            return ConflictWith is { Length: > 0 } other ? isListed(other) ? SweepAction.Leave : SweepAction.Reingest : SweepAction.Settled;
        return State == IngestState.Waiting || IsHeld(now) ? SweepAction.Leave : SweepAction.Ingest;
    }

    /// <summary>A blob version with no record yet is due.</summary>
    public static SweepAction Sweep(LedgerEntry? entry, DateTimeOffset now, Func<string, bool> isListed) =>
        entry?.Sweep(now, isListed) ?? SweepAction.Ingest;

    /// <param name="lease">Records written before leases existed hold one lease from their claim.</param>
    internal static LedgerEntry FromEntity(TableEntity e, TimeSpan lease)
    {
        var conflict = e.GetString(LedgerFields.Conflict);
        return new LedgerEntry(
            e.GetString(LedgerFields.Blob) ?? "",
            e.GetString(LedgerFields.ETag) ?? "",
            IngestStates.FromStored(e.GetString(LedgerFields.Outcome), e.GetBoolean(LedgerFields.Waiting) ?? false, conflict is { Length: > 0 }),
            e.GetDateTimeOffset(LedgerFields.LeaseUntil) ?? e.GetDateTimeOffset(LedgerFields.ClaimedAt) + lease,
            e.GetString(LedgerFields.LeaseOwner),
            conflict is { Length: > 0 } ? conflict : null,
            e.GetInt32(LedgerFields.Attempts) ?? 0,
            e.GetInt32(LedgerFields.Interruptions) ?? 0,
            e.GetString(LedgerFields.Reason) is { Length: > 0 } reason ? reason : null,
            e.GetInt32(LedgerFields.Samples) ?? 0,
            e.GetInt64(LedgerFields.Milliseconds) ?? 0) { Version = e.ETag };
    }
}

/// <summary>The names of the ledger's stored fields (and of the history's, which shares the outcome's).</summary>
internal static class LedgerFields
{
    public const string Blob = "Blob";
    public const string ETag = "ETag";
    public const string Outcome = "Outcome";
    public const string Reason = "Reason";
    public const string Waiting = "Waiting";
    public const string Conflict = "Conflict";
    public const string ClaimedAt = "ClaimedAt";
    public const string LeaseOwner = "LeaseOwner";
    public const string LeaseUntil = "LeaseUntil";
    public const string Attempts = "Attempts";
    public const string Interruptions = "Interruptions";
    public const string Run = "Run";
    public const string Epoch = "Epoch";
    public const string Samples = "Samples";
    public const string Milliseconds = "Milliseconds";
    public const string At = "At";
    public const string Stages = "Stages";

    /// <summary>What a claim and the sweep need to read: not the outcome's figures.</summary>
    public static readonly string[] State = [Blob, ETag, Outcome, Waiting, Conflict, ClaimedAt, LeaseOwner, LeaseUntil, Attempts, Interruptions];
}
