using Parquet;

namespace ClassVisCloud.Analytics.Tests.Contract.TestFiles;

/// <summary>How <see cref="PredictionsFile"/> lays a test's rows out in Parquet (with Parquet.Net).</summary>
internal sealed record PredictionsFileOptions
{
    /// <summary>Writes scores as one <c>score_&lt;class&gt;</c> column per class instead of a list.</summary>
    public IReadOnlyList<string>? WideClassNames { get; init; }

    public bool DoubleScores { get; init; }

    /// <summary>Declares every column optional, as pandas and pyarrow do, even when it holds no null.</summary>
    public bool Nullable { get; init; }

    /// <summary>When set, writes an <c>epoch</c> column holding this value on every row.</summary>
    public long? Epoch { get; init; }

    public CompressionMethod Compression { get; init; } = CompressionMethod.Snappy;

    public int RowsPerGroup { get; init; } = int.MaxValue;

    /// <summary>Name of the list's element field (pyarrow writes "element"; older writers "item").</summary>
    public string ListElementName { get; init; } = "element";

    /// <summary>Columns written before the contract's, which the reader must ignore.</summary>
    public bool WithExtraColumns { get; init; }
}
