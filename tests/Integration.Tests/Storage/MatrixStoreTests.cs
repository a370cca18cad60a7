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

        await storage.Storage.Matrices.WriteAsync(path, matrix, classCount: 1);

        var whole = (await storage.Storage.Matrices.Container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();
        long offset = (values / 2) * 4L;
        byte[][] range = [new byte[1_000], new byte[3_000]];
        await storage.Storage.Matrices.ReadRangeAsync(path, offset, range);
        var bytes = MemoryMarshal.AsBytes(matrix.AsSpan());
        Assert.True(bytes.SequenceEqual(whole));
        Assert.True(bytes.Slice((int)offset, 4_000).SequenceEqual([.. range[0], .. range[1]]));
    }

    static float[] RandomMatrix(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var matrix = new float[rows * classes];
        for (int i = 0; i < matrix.Length; i++) matrix[i] = random.NextSingle();
        return matrix;
    }

    static async Task<byte[]> DownloadAsync(TestStorage storage, string path) =>
        (await storage.Storage.Matrices.Container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();

    [Fact]
    public async Task A_small_matrix_is_not_staged_it_goes_whole_at_the_end()
    {
        await using var storage = await TestStorage.CreateAsync();
        Assert.Null(storage.Storage.Matrices.BeginUpload("small", new float[1_000 * 70], 70));
    }

    [Fact]
    public async Task A_large_matrix_staged_row_by_row_in_any_order_is_the_array_once_committed_and_invisible_before()
    {
        await using var storage = await TestStorage.CreateAsync();
        const int rows = 250_000, classes = 70; // 70 MB
        var matrix = RandomMatrix(rows, classes, 1);
        var upload = storage.Storage.Matrices.BeginUpload("big", matrix, classes)!;
        foreach (int position in Enumerable.Range(0, rows).OrderBy(i => (i * 7919L) % rows)) upload.RowStored(position);
        await Task.Delay(200);
        Assert.False(await storage.Storage.Matrices.Container.GetBlobClient("big").ExistsAsync());

        await upload.CommitAsync(default);

        var stored = await DownloadAsync(storage, "big");
        Assert.True(MemoryMarshal.AsBytes(matrix.AsSpan()).SequenceEqual(stored));
    }

    [Fact]
    public async Task Restaging_after_the_array_changed_commits_the_new_values()
    {
        await using var storage = await TestStorage.CreateAsync();
        const int rows = 250_000, classes = 70;
        var matrix = RandomMatrix(rows, classes, 2);
        var upload = storage.Storage.Matrices.BeginUpload("changed", matrix, classes)!;
        for (int position = 0; position < rows; position++) upload.RowStored(position);
        // What the softmax of logits does once the read is over: every value changes in place.
        for (int i = 0; i < matrix.Length; i++) matrix[i] = 1 - matrix[i];

        await upload.RestageAllAsync();
        await upload.CommitAsync(default);

        var stored = await DownloadAsync(storage, "changed");
        Assert.True(MemoryMarshal.AsBytes(matrix.AsSpan()).SequenceEqual(stored));
    }

    [Fact]
    public async Task An_abandoned_upload_leaves_no_blob()
    {
        await using var storage = await TestStorage.CreateAsync();
        var matrix = RandomMatrix(250_000, 70, 3);
        var upload = storage.Storage.Matrices.BeginUpload("abandoned", matrix, 70)!;
        for (int position = 0; position < 100_000; position++) upload.RowStored(position);

        await upload.AbandonAsync();

        Assert.False(await storage.Storage.Matrices.Container.GetBlobClient("abandoned").ExistsAsync());
    }
}
