using System.IO.Compression;
using Parquet;

namespace ClassVisCloud.RunGenerator;

/// <summary>
/// The codec of generated Parquet files. Parquet.Net takes zstd levels only through
/// <see cref="CompressionLevel"/>: Fastest (1), Optimal (zstd's default, 3) and SmallestSize (19, which
/// is Parquet.Net's default and slow: 18 s for 100,000 × 70). So those three are the levels offered.
/// </summary>
public sealed record FileCompression
{
    public static readonly IReadOnlyList<int> ZstdLevels = [1, 3, 19];

    private FileCompression(CompressionMethod method, int zstdLevel)
    {
        Method = method;
        ZstdLevel = zstdLevel;
    }

    public CompressionMethod Method { get; }

    /// <summary>1, 3 or 19 for zstd; 0 otherwise.</summary>
    public int ZstdLevel { get; }

    public static FileCompression Snappy { get; } = new(CompressionMethod.Snappy, 0);

    public static FileCompression None { get; } = new(CompressionMethod.None, 0);

    public static FileCompression Zstd(int level) => ZstdLevels.Contains(level)
        ? new FileCompression(CompressionMethod.Zstd, level)
        : throw new ArgumentException(
            $"zstd level {level} is not available: Parquet.Net offers levels {string.Join(", ", ZstdLevels)}");

    /// <summary>Parses "zstd" (at <paramref name="zstdLevel"/>), "snappy" or "none".</summary>
    public static FileCompression Parse(string codec, int zstdLevel) => codec.ToLowerInvariant() switch
    {
        "zstd" => Zstd(zstdLevel),
        "snappy" => Snappy,
        "none" => None,
        _ => throw new ArgumentException($"unknown compression '{codec}': use zstd, snappy or none"),
    };

    public ParquetOptions ToParquetOptions() => new()
    {
        CompressionMethod = Method,
        CompressionLevel = ZstdLevel switch
        {
            1 => CompressionLevel.Fastest,
            19 => CompressionLevel.SmallestSize,
            _ => CompressionLevel.Optimal,
        },
        // Sample ids are all distinct: a small sample tells the writer so, instead of a full-column scan.
        DictionaryEncodingSampleSize = 1000,
    };

    public override string ToString() =>
        Method == CompressionMethod.Zstd ? $"zstd level {ZstdLevel}" : Method.ToString().ToLowerInvariant();
}
