using System.Diagnostics;
using ClassVisCloud.RunGenerator.Upload;

namespace ClassVisCloud.RunGenerator.Tests.Upload;

public sealed class RunUploaderTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();
    private TempFolder _folder = null!;

    public async Task InitializeAsync()
    {
        // Storage first: xunit skips DisposeAsync when this fails, so nothing may be created before it.
        await _storage.InitializeAsync();
        _folder = new TempFolder();
        await new RunWriter(new RunSpec { Samples = 300, Epochs = 3, Attention = true }).WriteFolderAsync(_folder.Path);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_run_is_uploaded_manifest_first_then_epoch_by_epoch()
    {
        var reported = new List<string>();
        var uploaded = await new RunUploader(_storage.Container).UploadAsync(_folder.Path, "demo-run", onUploaded: b => reported.Add(b.Name));

        string[] expected =
        [
            "demo-run/run.json",
            "demo-run/epoch-1.parquet", "demo-run/attention/epoch-1.parquet",
            "demo-run/epoch-2.parquet", "demo-run/attention/epoch-2.parquet",
            "demo-run/epoch-3.parquet", "demo-run/attention/epoch-3.parquet",
        ];
        Assert.Equal(expected, reported);
        Assert.Equal(expected, uploaded.Select(b => b.Name));
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await _storage.BlobNamesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Blobs_hold_the_files_bytes()
    {
        await new RunUploader(_storage.Container).UploadAsync(_folder.Path, "bytes");

        var blob = _storage.Container.GetBlobClient("bytes/epoch-2.parquet");
        var content = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(File.ReadAllBytes(_folder.File("epoch-2.parquet")), content.Content.ToArray());
        Assert.Equal("application/vnd.apache.parquet", content.Details.ContentType);
    }

    [Fact]
    public async Task The_delay_is_spent_between_epochs_only()
    {
        var clock = Stopwatch.StartNew();
        await new RunUploader(_storage.Container).UploadAsync(_folder.Path, "slow", TimeSpan.FromMilliseconds(300));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(600), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Uploading_again_replaces_the_blobs()
    {
        var uploader = new RunUploader(_storage.Container);
        await uploader.UploadAsync(_folder.Path, "twice");
        await uploader.UploadAsync(_folder.Path, "twice");
        Assert.Equal(7, (await _storage.BlobNamesAsync()).Count);
    }
}
