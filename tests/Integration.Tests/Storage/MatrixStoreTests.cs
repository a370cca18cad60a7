using System.Runtime.InteropServices;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Storage;

/// <summary>Probability matrices in a real Azurite: one request when small, staged blocks when large, the same bytes back either way, whole or by range.</summary>
public sealed class MatrixStoreTests
{
    [Theory]
    [InlineData(100_003)]     // 400 KB: one Put Blob
    [InlineData(17_000_001)]  // 68 MB: past the single-request size, nine 8 MB blocks
    public async Task A_matrix_reads_back_whole_and_by_ranges_with_the_bytes_written(int values)
    {
        await using var storage = await TestStorage.CreateAsync();
        var matrix = new float[values];
        var random = new Random(values);
        for (int i = 0; i < matrix.Length; i++) matrix[i] = random.NextSingle();
        var path = MatrixStore.Path("run", 3, "v1", 0);

        await storage.Storage.Matrices.WriteAsync(path, matrix);

        var whole = (await storage.Storage.Matrices.Container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();
        long offset = (values / 2) * 4L;
        byte[][] range = [new byte[1_000], new byte[3_000]];
        await storage.Storage.Matrices.ReadRangeAsync(path, offset, range);
        var bytes = MemoryMarshal.AsBytes(matrix.AsSpan());
        Assert.True(bytes.SequenceEqual(whole));
        Assert.True(bytes.Slice((int)offset, 4_000).SequenceEqual([.. range[0], .. range[1]]));
    }
}
