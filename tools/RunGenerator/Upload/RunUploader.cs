using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ClassVisCloud.RunGenerator.Upload;

/// <summary>
/// Uploads a run folder as a training script would while it trains: run.json first, then epoch by epoch
/// its predictions and then its attention, optionally pausing between epochs.
/// </summary>
public sealed class RunUploader(BlobContainerClient container)
{
    /// <param name="run">The run's folder name in the container (the blob prefix).</param>
    /// <param name="delayBetweenEpochs">Pause after each epoch's files but the last, like training time.</param>
    /// <param name="onUploaded">Called after each blob, in upload order.</param>
    public async Task<IReadOnlyList<UploadedBlob>> UploadAsync(
        string folder,
        string run,
        TimeSpan delayBetweenEpochs = default,
        Action<UploadedBlob>? onUploaded = null,
        CancellationToken cancellationToken = default)
    {
        var files = RunFolder.List(folder);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var uploaded = new List<UploadedBlob>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var blob = await UploadFileAsync(files[i], run, cancellationToken);
            uploaded.Add(blob);
            onUploaded?.Invoke(blob);
            var epochEnds = files[i].Epoch is not null && i + 1 < files.Count && files[i + 1].Epoch != files[i].Epoch;
            if (epochEnds && delayBetweenEpochs > TimeSpan.Zero)
                await Task.Delay(delayBetweenEpochs, cancellationToken);
        }
        return uploaded;
    }

    private async Task<UploadedBlob> UploadFileAsync(RunFile file, string run, CancellationToken cancellationToken)
    {
        var name = $"{run}/{file.RelativeName}";
        var clock = Stopwatch.StartNew();
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = file.Kind == RunFileKind.Manifest ? "application/json" : "application/vnd.apache.parquet",
            },
        };
        await using (var content = File.OpenRead(file.LocalPath))
            await container.GetBlobClient(name).UploadAsync(content, options, cancellationToken);
        return new UploadedBlob(name, new FileInfo(file.LocalPath).Length, clock.Elapsed);
    }
}
