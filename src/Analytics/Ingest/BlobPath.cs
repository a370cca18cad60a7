using System.Text.RegularExpressions;

namespace ClassVisCloud.Analytics.Ingest;

public enum BlobKind
{
    /// <summary>{run}/epoch-{N}.parquet</summary>
    Predictions,
    /// <summary>{run}/attention/epoch-{N}.parquet</summary>
    Attention,
    /// <summary>{run}/run.json</summary>
    Manifest,
    /// <summary>Any other blob in the container: ignored, and the log says so.</summary>
    Other,
    /// <summary>A blob of a run folder whose name breaks the contract: rejected, never a run.</summary>
    InvalidRun,
}

/// <summary>What a blob name in the runs container means, per the contract's "Where files go".</summary>
public sealed partial record BlobPath(string Name, BlobKind Kind, string? Run, long? Epoch, string? Reason)
{
    public const int MaxRunLength = 63;

    [GeneratedRegex(@"\A[A-Za-z0-9_\-][A-Za-z0-9._\-]{0,62}\z")]
    private static partial Regex RunName();

    [GeneratedRegex(@"\Aepoch-([0-9]+)\.parquet\z")]
    private static partial Regex EpochFile();

    public static BlobPath Parse(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0) return new(name, BlobKind.Other, null, null, "not inside a run folder");
        var run = name[..slash];
        var rest = name[(slash + 1)..];
        var kind = Classify(rest, out var epoch);
        if (kind == BlobKind.Other) return new(name, BlobKind.Other, null, null, "not a file the contract names (run.json, epoch-N.parquet, attention/epoch-N.parquet)");
        if (RunNameProblem(run) is { } problem) return new(name, BlobKind.InvalidRun, null, epoch, problem);
        if (epoch is null && kind != BlobKind.Manifest)
            return new(name, BlobKind.InvalidRun, run, null, "the epoch number is too large");
        return new(name, kind, run, epoch, null);
    }

    /// <summary>Why a run name breaks the contract, or null when it is valid.</summary>
    public static string? RunNameProblem(string run)
    {
        if (run.Length == 0) return "the run name is empty";
        if (run.Length > MaxRunLength) return $"the run name is {run.Length} characters; at most {MaxRunLength} are allowed";
        if (run[0] == '.') return "the run name may not start with '.'";
        if (!RunName().IsMatch(run)) return "the run name may hold only A-Z a-z 0-9 . _ -";
        return null;
    }

    static BlobKind Classify(string rest, out long? epoch)
    {
        epoch = null;
        if (rest == "run.json") return BlobKind.Manifest;
        var attention = rest.StartsWith("attention/", StringComparison.Ordinal);
        var file = attention ? rest["attention/".Length..] : rest;
        var match = EpochFile().Match(file);
        if (!match.Success) return BlobKind.Other;
        // Any zero padding is allowed; numbers past long's range are not an epoch anyone logs.
        if (long.TryParse(match.Groups[1].Value, out var n)) epoch = n;
        return attention ? BlobKind.Attention : BlobKind.Predictions;
    }
}
