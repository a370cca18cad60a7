using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Integration.Tests.Infrastructure;
using ClassVisCloud.RunGenerator;

namespace ClassVisCloud.Integration.Tests.Queries;

/// <summary>Score vectors by ranged reads of the stored matrix: the rows asked for, exactly, never the whole matrix.</summary>
public sealed class MatrixRowsTests
{
    const int Samples = 20_000;
    const int Classes = 70; // 5.6 MB, 86 chunks: rows of 280 bytes cross chunk boundaries

    static async Task<(TestStorage Storage, EpochRecord Epoch, float[] Matrix)> IngestAsync()
    {
        var storage = await TestStorage.CreateAsync();
        var file = new MemoryStream();
        await new RunWriter(new RunSpec { Samples = Samples, Classes = Classes, Epochs = 1, Seed = 9, ValidationFraction = 0 }).WritePredictionsAsync(file, 1);
        await storage.UploadAndDeliverAsync("m/epoch-1.parquet", file.ToArray());
        var epoch = Assert.Single((await RunView.LoadAsync(storage.Storage, "m", default)).OkEpochs);
        // The test alone reads the whole blob, to know what every row holds.
        var whole = await storage.Storage.Matrices.Container.GetBlobClient(MatrixStore.Path("m", 1, epoch.Version!, 0)).DownloadContentAsync();
        return (storage, epoch, ColumnCodec.DecodeFloats(whole.Value.Content.ToArray()));
    }

    [Fact]
    public async Task Rows_asked_for_come_back_in_the_order_asked_exactly_as_stored_even_across_chunk_boundaries()
    {
        var (storage, epoch, matrix) = await IngestAsync();
        await using var _ = storage;
        var random = new Random(4);
        int[] positions = [.. Enumerable.Range(0, 3000).Select(_ => random.Next(Samples)), 0, Samples - 1, 234, 234];
        var rows = await storage.Get<MatrixRows>().ReadAsync(epoch, 0, positions);
        Assert.Equal(positions.Length, rows.Length);
        for (var i = 0; i < positions.Length; i++) Assert.Equal(matrix.AsSpan(positions[i] * Classes, Classes).ToArray(), rows[i]);
        // Asked again, they are served from the chunks kept, with the same values.
        Assert.Equal(rows, await storage.Get<MatrixRows>().ReadAsync(epoch, 0, positions));
    }

    [Fact]
    public async Task A_few_rows_keep_only_the_chunks_holding_them_not_the_whole_matrix()
    {
        var (storage, epoch, matrix) = await IngestAsync();
        await using var _ = storage;
        var cache = storage.Get<ImmutableCache>();
        var before = cache.TotalBytes;
        var rows = await storage.Get<MatrixRows>().ReadAsync(epoch, 0, [5, 10_000, 19_999]);
        Assert.Equal(matrix.AsSpan(10_000 * Classes, Classes).ToArray(), rows[1]);
        Assert.InRange(cache.TotalBytes - before, 1, 4 * MatrixRows.ChunkBytes);
    }

    [Fact]
    public async Task Parallel_requests_for_overlapping_rows_all_get_the_stored_values()
    {
        var (storage, epoch, matrix) = await IngestAsync();
        await using var _ = storage;
        var requests = Enumerable.Range(0, 8).Select(r =>
        {
            var random = new Random(r);
            return Enumerable.Range(0, 2000).Select(_ => random.Next(Samples)).ToArray();
        }).ToList();
        var answers = await Task.WhenAll(requests.Select(p => Task.Run(() => storage.Get<MatrixRows>().ReadAsync(epoch, 0, p))));
        for (var r = 0; r < requests.Count; r++)
            for (var i = 0; i < requests[r].Length; i += 97)
                Assert.Equal(matrix.AsSpan(requests[r][i] * Classes, Classes).ToArray(), answers[r][i]);
    }
}
