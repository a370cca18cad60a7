using Azure.Storage.Blobs;
using ClassVisCloud.RunGenerator.Upload;

namespace ClassVisCloud.RunGenerator.Tests.Upload;

/// <summary>
/// The storage account the upload tests use: $CVC_STORAGE, else Azurite's development storage. Each test gets
/// its own container, deleted afterwards. Unreachable storage fails the test with a message saying what to start;
/// it is never skipped, so a CI without Azurite cannot pass by accident.
/// </summary>
public sealed class TestStorage : IAsyncLifetime
{
    public TestStorage()
    {
        ConnectionString = Environment.GetEnvironmentVariable("CVC_STORAGE") is { Length: > 0 } value
            ? value
            : StorageConnection.DevelopmentStorage;
        ContainerName = "rg-test-" + Guid.NewGuid().ToString("N")[..16];
        Container = StorageConnection.OpenContainer(ConnectionString, ContainerName);
    }

    public string ConnectionString { get; }
    public string ContainerName { get; }
    public BlobContainerClient Container { get; }

    public async Task InitializeAsync()
    {
        try
        {
            await Container.ExistsAsync();
        }
        catch (Exception e) when (StorageConnection.IsUnreachable(e))
        {
            Assert.Fail($"Storage not reachable at {Container.Uri} ({StorageConnection.Reason(e)}). The upload tests need "
                + "Azurite on 127.0.0.1:10000 (test.sh starts it) or CVC_STORAGE set to a storage connection string.");
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Container.DeleteIfExistsAsync();
        }
        catch (Exception e) when (StorageConnection.IsUnreachable(e))
        {
            // Already reported by InitializeAsync or the test itself.
        }
    }

    public async Task<IReadOnlyList<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync())
            names.Add(blob.Name);
        return names;
    }
}
