using Azure.Storage.Blobs;
using ClassVisCloud.Analytics;
using ClassVisCloud.Api;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>
/// A private corner of a real Azurite (CVC_STORAGE, else the default development storage): its own
/// container and table prefix, so tests run side by side, and the app's services wired as in production.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("CVC_STORAGE") is { Length: > 0 } c ? c : StorageOptions.DevelopmentConnectionString;

    public required ServiceProvider Services { get; init; }
    public required StorageOptions Options { get; init; }
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();
    public BlobContainerClient Container => Storage.Container;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An instance of a function class, built by the container as the Functions host would.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    /// <param name="ingest">Ingest settings (a short lease for the lease tests).</param>
    /// <param name="configure">More services: a test seam such as <see cref="Analytics.Ingest.IngestStarting"/>.</param>
    public static async Task<TestStorage> CreateAsync(Analytics.Ingest.IngestOptions? ingest = null, Action<IServiceCollection>? configure = null)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var options = new StorageOptions { ConnectionString = ConnectionString, Container = $"runs-{id}", TablePrefix = $"t{id}" };
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddClassVisCloudApi(options, ingest);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var storage = new TestStorage { Services = services, Options = options };
        try { _ = storage.Storage; }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Azurite is not reachable at CVC_STORAGE ({ConnectionString}); ./test.sh starts it. {ex.Message}", ex);
        }
        return storage;
    }

    public async Task UploadAsync(string blobName, byte[] content) =>
        await Container.GetBlobClient(blobName).UploadAsync(new BinaryData(content), overwrite: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Container.DeleteIfExistsAsync();
            await Storage.Matrices.Container.DeleteIfExistsAsync();
            await Get<Analytics.Dynamics.DynamicsStates>().FlushAsync();
            await Get<Analytics.Dynamics.DynamicsCheckpoints>().Container.DeleteIfExistsAsync();
            foreach (var table in Storage.Tables) await table.DeleteAsync();
        }
        catch { /* best effort: a test's own corner of a throwaway emulator */ }
        await Services.DisposeAsync();
    }
}
