using ClassVisCloud.Analytics;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClassVisCloud.Api;

/// <summary>Registers the domain and the HTTP layer over it, once, for the Functions app and the DevHost alike.</summary>
public static class ApiServices
{
    public static IServiceCollection AddClassVisCloudApi(this IServiceCollection services, StorageOptions options, IngestOptions? ingest = null)
    {
        services.AddClassVisCloudAnalytics(options, ingest);
        // Encoded answers get a byte budget of their own (Memory__AnswerCacheMiB), apart from the domain's cache.
        services.AddSingleton(provider => new AnswerCache(new ImmutableCache(provider.GetRequiredService<MemoryOptions>().AnswerCacheBytes), provider.GetRequiredService<MemoryBudget>()));
        services.AddSingleton<RunsApi>();
        services.AddSingleton<EpochApi>();
        services.AddSingleton<SampleApi>();
        services.AddSingleton<DynamicsApi>();
        services.AddSingleton<ConfusionApi>();
        services.AddSingleton<Export.ExportApi>();
        // The ingest of a run's newest epoch ends by building the dashboard's first-view answers, in every host.
        services.TryAddSingleton(AnswerCompression.On);
        services.AddSingleton<FirstViewAnswers>();
        services.AddSingleton<ReservingRoom>(provider => provider.GetRequiredService<AnswerCache>().Reserve);
        services.AddSingleton<NewestEpochPreparing>(provider => provider.GetRequiredService<FirstViewAnswers>().PrepareAsync);
        return services;
    }
}
