using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>
/// The id lists are written while the scores are still read: a file rejected by a later column leaves nothing but
/// its content-addressed id list, which the good upload of the same samples then uses, giving the same tables as if
/// the bad file had never come.
/// </summary>
public sealed class IdsStagingTests
{
    const int Rows = 100, Classes = 4;

    /// <summary>Rows s000…s099 with uniform scores; with <paramref name="nanInLastRow"/>, the last row holds a NaN.</summary>
    static byte[] File(bool nanInLastRow) => ArrowParquetFile.Predictions(Rows, row => $"s{row:D3}", row => row % Classes,
        row => nanInLastRow && row == Rows - 1 ? [0.7f, 0.1f, 0.1f, float.NaN] : [0.7f, 0.1f, 0.1f, 0.1f]);

    [Fact]
    public async Task A_file_rejected_by_its_scores_leaves_only_its_id_list_and_the_good_upload_gives_the_tables_of_a_clean_ingest()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("r/epoch-1.parquet", File(nanInLastRow: true));
        var rejected = await storage.Storage.Epochs.GetAsync("r", 1);
        Assert.Equal("failed", rejected!.Status);
        Assert.Contains("NaN", rejected.Error);
        var data = (await TableSnapshot.TakeAsync(storage.Storage)).Where(line => line.StartsWith("data|", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, line => Assert.StartsWith($"data|{Analytics.Storage.Layout.IdsPartition("r", "")}", line));
        var matrices = new List<string>();
        await foreach (var blob in storage.Storage.Matrices.Container.GetBlobsAsync()) matrices.Add(blob.Name);
        Assert.Empty(matrices);

        await storage.UploadAndDeliverAsync("r/epoch-1.parquet", File(nanInLastRow: false));
        Assert.Equal("ok", (await storage.Storage.Epochs.GetAsync("r", 1))!.Status);

        await using var clean = await TestStorage.CreateAsync();
        await clean.UploadAndDeliverAsync("r/epoch-1.parquet", File(nanInLastRow: false));
        static List<string> Stored(List<string> lines) => [.. lines.Where(l => l.StartsWith("data|", StringComparison.Ordinal) || l.StartsWith("bits|", StringComparison.Ordinal))];
        Assert.Equal(Stored(await TableSnapshot.TakeAsync(clean.Storage)), Stored(await TableSnapshot.TakeAsync(storage.Storage)));
    }
}
