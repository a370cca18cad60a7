using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator;

/// <summary>What to generate: a training run's size, its randomness and the shape of its files.</summary>
public sealed record RunSpec
{
    public int Samples { get; init; } = 2000;
    public int Classes { get; init; } = 8;

    /// <summary>Epochs trained, numbered 1..Epochs; see <see cref="Every"/> for which are logged.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Log every k-th epoch (and always the last), as scripts that save only every k-th do.</summary>
    public int Every { get; init; } = 1;

    public long Seed { get; init; } = 1;

    /// <summary>Write probabilities, or raw logits (declared in run.json).</summary>
    public ScoreKind Scores { get; init; } = ScoreKind.Probabilities;

    /// <summary>A <c>scores</c> list column, or one <c>score_&lt;class&gt;</c> column per class.</summary>
    public ScoreLayout Layout { get; init; } = ScoreLayout.List;

    /// <summary>Also write attention/epoch-N.parquet for (at most <see cref="AttentionSamples"/>) validation samples.</summary>
    public bool Attention { get; init; }

    /// <summary>Cap on documents with attention, which keeps attention files small for big runs.</summary>
    public int AttentionSamples { get; init; } = 5000;

    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Share of samples whose label is wrong; the model keeps predicting the class their text describes.</summary>
    public double NoisyFraction { get; init; } = 0.03;

    /// <summary>Rows per Parquet row group; also bounds the generator's memory.</summary>
    public int RowGroupSize { get; init; } = 100_000;

    public FileCompression Compression { get; init; } = FileCompression.Zstd(3);

    /// <summary>run.json's name; a description of the run when null.</summary>
    public string? Name { get; init; }

    /// <summary>The epochs that get a file, ascending.</summary>
    public IReadOnlyList<int> LoggedEpochs() =>
        Enumerable.Range(1, Epochs).Where(e => e % Every == 0 || e == Epochs).ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Samples >= 1, $"samples must be at least 1 (got {Samples})");
        Require(Classes is >= 2 and <= PrimarySiteCatalog.MaxClasses,
            $"classes must be between 2 and {PrimarySiteCatalog.MaxClasses} (got {Classes})");
        Require(Epochs >= 1, $"epochs must be at least 1 (got {Epochs})");
        Require(Every >= 1, $"every must be at least 1 (got {Every})");
        Require(AttentionSamples >= 0, $"attention samples must not be negative (got {AttentionSamples})");
        Require(ValidationFraction is >= 0 and <= 1, $"validation fraction must be within [0, 1] (got {ValidationFraction})");
        Require(NoisyFraction is >= 0 and <= 0.5, $"noisy fraction must be within [0, 0.5] (got {NoisyFraction})");
        Require(RowGroupSize >= 1, $"row group size must be at least 1 (got {RowGroupSize})");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }
}

/// <summary>What the score columns hold.</summary>
public enum ScoreKind { Probabilities, Logits }

/// <summary>How the score columns are laid out (both are in the contract).</summary>
public enum ScoreLayout { List, Wide }
