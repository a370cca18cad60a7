using ClassVisCloud.Analytics.Api;
using ClassVisCloud.Analytics.Api.Export;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Queries.Exports;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Analytics;

/// <summary>Registers the domain once for the Functions app and the DevHost alike.</summary>
public static class AnalyticsServices
{
    /// <summary>
    /// Settings: <c>RunsStorage</c> (a connection string) or <c>RunsStorage__blobServiceUri</c> and
    /// <c>RunsStorage__tableServiceUri</c> (managed identity; <c>RunsStorage__clientId</c> for a user-assigned one);
    /// without them <c>AzureWebJobsStorage</c>, then Azurite. <c>RunsContainer</c> (default runs), <c>TablePrefix</c> (default cvc).
    /// </summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection("RunsStorage");
        var connection = configuration["RunsStorage"];
        Uri? Uri(string key) => section[key] is { Length: > 0 } value ? new Uri(value) : null;
        var blobUri = Uri("blobServiceUri");
        if (string.IsNullOrWhiteSpace(connection) && blobUri is null)
            connection = configuration["AzureWebJobsStorage"] is { Length: > 0 } host ? host : StorageOptions.DevelopmentConnectionString;
        return new StorageOptions
        {
            ConnectionString = connection,
            BlobServiceUri = blobUri,
            TableServiceUri = Uri("tableServiceUri"),
            ManagedIdentityClientId = section["clientId"],
            Container = configuration["RunsContainer"] is { Length: > 0 } container ? container : "runs",
            TablePrefix = configuration["TablePrefix"] is { Length: > 0 } prefix ? prefix : "cvc",
        };
    }

    /// <summary>Setting <c>IngestLeaseSeconds</c>: the length of a worker's lease on a blob it ingests (default 30).</summary>
    public static IngestOptions ReadIngestOptions(IConfiguration configuration)
    {
        var defaults = new IngestOptions();
        if (!double.TryParse(configuration["IngestLeaseSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var seconds)) return defaults;
        var lease = TimeSpan.FromSeconds(seconds);
        return defaults with { Lease = lease > IngestOptions.MinLease ? lease : IngestOptions.MinLease };
    }

    public static IServiceCollection AddClassVisCloudAnalytics(this IServiceCollection services, StorageOptions options, IngestOptions? ingest = null)
    {
        // Clients are thread-safe and made once; the first resolution creates the tables (and retries on the next if storage was down).
        services.AddSingleton(_ => StorageClients.CreateAsync(options).GetAwaiter().GetResult());
        // The process's fixed memory budget (MemoryOptions: Memory__CacheMiB, Memory__AnswerCacheMiB, Memory__LoadMiB).
        services.AddSingleton(provider => MemoryOptions.Read(provider.GetService<IConfiguration>()));
        services.AddSingleton(provider => new ImmutableCache(provider.GetRequiredService<MemoryOptions>().CacheBytes));
        services.AddSingleton(provider => new MemoryBudget(provider.GetRequiredService<MemoryOptions>().LoadBytes));
        services.AddSingleton(provider => new AnswerCache(new ImmutableCache(provider.GetRequiredService<MemoryOptions>().AnswerCacheBytes), provider.GetRequiredService<MemoryBudget>()));
        services.AddSingleton<SampleSets>();
        services.AddSingleton<EpochColumnsReader>();
        services.AddSingleton<MatrixRows>();
        services.AddSingleton<MispredictionCounter>();
        services.AddSingleton<ExportQueries>();
        services.AddSingleton<ExportApi>();
        services.AddSingleton(ingest ?? new IngestOptions());
        services.AddSingleton<IngestLedger>();
        services.AddSingleton<EpochIngestor>();
        services.AddSingleton<AttentionIngestor>();
        services.AddSingleton<ManifestIngestor>();
        services.AddSingleton<BlobIngestor>();
        services.AddSingleton<ContainerSweeper>();
        services.AddSingleton<RunsApi>();
        services.AddSingleton<EpochApi>();
        services.AddSingleton<SampleApi>();
        services.AddTrainingDynamics();
        return services;
    }
}
