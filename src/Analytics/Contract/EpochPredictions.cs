namespace ClassVisCloud.Analytics.Contract;

/// <summary>How the scores of a file were given.</summary>
public enum ScoreKind { Probabilities, Logits }

/// <summary>
/// One validated predictions file, split by split, each split in canonical order
/// (sample ids sorted ordinal). Scores are probabilities (softmax applied when the file held logits).
/// </summary>
public sealed class EpochPredictions
{
    /// <summary>Splits sorted by name, ordinal. A file without a split column has one split named "all".</summary>
    public required IReadOnlyList<SplitPredictions> Splits { get; init; }

    /// <summary>C: the length of every score vector.</summary>
    public required int ClassCount { get; init; }

    public required ScoreKind ScoreKind { get; init; }

    /// <summary>True when sample_id was an integer column (ids are kept as their decimal strings).</summary>
    public required bool IntegerIds { get; init; }

    /// <summary>
    /// The class names used to read this file, in class order: the manifest's when it names them; else the
    /// wide form's column suffixes (in column order); else, for string labels, the run's known label names
    /// (when the file's labels are among them) or the file's distinct labels sorted ordinal. Null when
    /// labels are integers, scores a list, and no manifest names the classes.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Rows in the file.</summary>
    public int RowCount => Splits.Sum(s => s.Count);
}

/// <summary>One split of an epoch file, rows sorted by sample id (ordinal).</summary>
public sealed class SplitPredictions
{
    public required string Name { get; init; }

    /// <summary>Sample ids, sorted ordinal, unique.</summary>
    public required string[] SampleIds { get; init; }

    /// <summary>True class index per sample.</summary>
    public required int[] Labels { get; init; }

    /// <summary>Count × C probabilities, row-major, each row sums to 1.</summary>
    public required float[] Probabilities { get; init; }

    /// <summary>
    /// When the file held logits: logit(label) − max other logit per sample (the area-under-the-margin
    /// input). Null for probability files, where the margin is taken on probabilities.
    /// </summary>
    public float[]? LogitMargins { get; init; }

    public int Count => SampleIds.Length;
}

/// <summary>What the reader needs to know of the run to apply the contract to one file.</summary>
public sealed record ReadContext(
    long Epoch,
    RunManifest? Manifest,
    int? KnownClassCount,
    IReadOnlyList<string>? KnownLabelNames)
{
    /// <summary>Told as the score matrix fills, so the caller can ship finished rows while the rest is read.</summary>
    public ScoreMatrixWatch? Watch { get; init; }

    /// <summary>
    /// Told once, as soon as the row keys are read and checked and before the scores are: each split's name and its
    /// sample ids in canonical order (the arrays the result will hold), so the caller can start on them while the
    /// scores are read. The file may still be rejected by a later column.
    /// </summary>
    public Action<IReadOnlyList<SplitIds>>? IdsRead { get; init; }
}

/// <summary>One split's sample ids in canonical order.</summary>
public sealed record SplitIds(string Split, string[] SampleIds);

/// <summary>
/// Follows the reader as it fills the score matrix: <paramref name="Allocated"/> gets each split's array (rows of C
/// values, canonical order) once C is known; <paramref name="RowStored"/> (split, position) each row whose values are
/// checked and stored. Until the read ends, a later row may still reject the file, and logits are still logits.
/// </summary>
public sealed record ScoreMatrixWatch(Action<IReadOnlyList<float[]>, int> Allocated, Action<int, int> RowStored);
