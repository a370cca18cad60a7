using System.IO.Compression;
using Parquet;

namespace ClassVisCloud.RunGenerator.Tests;

public class FileCompressionTests
{
    [Theory]
    [InlineData("zstd", 1, CompressionMethod.Zstd, CompressionLevel.Fastest)]
    [InlineData("zstd", 3, CompressionMethod.Zstd, CompressionLevel.Optimal)]
    [InlineData("ZSTD", 19, CompressionMethod.Zstd, CompressionLevel.SmallestSize)]
    [InlineData("snappy", 3, CompressionMethod.Snappy, CompressionLevel.Optimal)]
    public void Codecs_map_to_parquet_options(string codec, int level, CompressionMethod method, CompressionLevel parquetLevel)
    {
        var options = FileCompression.Parse(codec, level).ToParquetOptions();
        Assert.Equal(method, options.CompressionMethod);
        Assert.Equal(parquetLevel, options.CompressionLevel);
    }

    [Fact]
    public void Levels_parquet_net_cannot_apply_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FileCompression.Zstd(5));
        Assert.Contains("1, 3, 19", error.Message);
        Assert.Throws<ArgumentException>(() => FileCompression.Parse("lz4", 3));
    }
}
