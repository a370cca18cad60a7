namespace ClassVisCloud.Analytics.Ingest;

/// <summary>Where one blob version stands on the ingest ledger.</summary>
public enum IngestState
{
    /// <summary>A worker holds a lease on it and is ingesting it now.</summary>
    Processing,
    /// <summary>Its content is served (or, for a manifest, in force).</summary>
    Ingested,
    /// <summary>It breaks the contract, or failed too often: the reason is shown where its file is.</summary>
    Rejected,
    /// <summary>A transient failure (or a host that stopped): the next sweep tries again.</summary>
    Retrying,
    /// <summary>It needs another blob first (attention waits for its predictions), whose ingest brings it back.</summary>
    Waiting,
    /// <summary>Rejected because another blob names the same epoch: ingested again once that one is deleted.</summary>
    Conflict,
    /// <summary>Not a file the contract names, or superseded by a newer upload.</summary>
    Ignored,
}

public static class IngestStates
{
    /// <summary>Nothing more happens to the blob version unless something forces it (a conflict resolved, new predictions).</summary>
    public static bool IsFinal(this IngestState state) => state is IngestState.Ingested or IngestState.Rejected or IngestState.Conflict or IngestState.Ignored;

    /// <summary>
    /// The outcome as the ledger stores it and the ingests route shows it (API.md: ingested, rejected, ignored, retrying):
    /// a waiting blob is retried, a conflicting one rejected; the ledger keeps the difference in fields of their own.
    /// </summary>
    public static string Outcome(this IngestState state) => state switch
    {
        IngestState.Processing => "processing",
        IngestState.Ingested => "ingested",
        IngestState.Rejected or IngestState.Conflict => "rejected",
        IngestState.Retrying or IngestState.Waiting => "retrying",
        IngestState.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not an ingest state"),
    };

    /// <summary>
    /// The state a stored outcome means, with the ledger's <paramref name="waiting"/> and <paramref name="conflict"/> fields
    /// (the history holds the outcome alone). A record with no outcome yet (only a conflict noted on it) is due, as a retry.
    /// </summary>
    public static IngestState FromStored(string? outcome, bool waiting = false, bool conflict = false) => outcome switch
    {
        "processing" => IngestState.Processing,
        "ingested" => IngestState.Ingested,
        "rejected" => conflict ? IngestState.Conflict : IngestState.Rejected,
        "ignored" => IngestState.Ignored,
        _ => waiting ? IngestState.Waiting : IngestState.Retrying,
    };
}
