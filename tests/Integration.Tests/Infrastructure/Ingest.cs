using ClassVisCloud.Functions.Ingest;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>Uploads blobs and delivers them to the blob-trigger function, as Event Grid would.</summary>
public static class Ingest
{
    public static Task DeliverAsync(this TestStorage storage, string blobName) =>
        storage.Function<IngestRunBlob>().Run(storage.Container.GetBlobClient(blobName), CancellationToken.None);

    public static async Task UploadAndDeliverAsync(this TestStorage storage, string blobName, byte[] content)
    {
        await storage.UploadAsync(blobName, content);
        await storage.DeliverAsync(blobName);
    }

    /// <summary>Uploads files of the real run under a run name, delivering each (or not).</summary>
    public static async Task UploadRealRunAsync(this TestStorage storage, string run, IEnumerable<string> files, bool deliver = true)
    {
        foreach (var file in files)
        {
            if (deliver) await storage.UploadAndDeliverAsync($"{run}/{file}", RealRun.Read(file));
            else await storage.UploadAsync($"{run}/{file}", RealRun.Read(file));
        }
    }
}
