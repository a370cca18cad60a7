using ClassVisCloud.Api;
using ClassVisCloud.Analytics;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Bench;

/// <summary>The app's services on a private corner of Azurite (CVC_STORAGE, else the development storage), removed after.</summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    public required ServiceProvider Services { get; init; }
    public required StorageOptions Options { get; init; }
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    public static string ConnectionString => Environment.GetEnvironmentVariable("CVC_STORAGE") is { Length: > 0 } c ? c : StorageOptions.DevelopmentConnectionString;

    public static BenchStorage Create(string prefix)
    {
        var options = new StorageOptions { ConnectionString = ConnectionString, Container = $"bench-{prefix}", TablePrefix = $"b{prefix}" };
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddClassVisCloudApi(options).BuildServiceProvider();
        return new BenchStorage { Services = services, Options = options };
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.Container.DeleteIfExistsAsync();
        await Storage.Matrices.Container.DeleteIfExistsAsync();
        foreach (var table in Storage.Tables) await table.DeleteAsync();
        await Services.DisposeAsync();
    }
}
