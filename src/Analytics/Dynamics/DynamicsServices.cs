using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>Registers the training-dynamics feature (its storage clients and cache are the app's).</summary>
public static class DynamicsServices
{
    public static IServiceCollection AddTrainingDynamics(this IServiceCollection services)
    {
        services.AddSingleton<EpochInputsReader>();
        services.AddSingleton<DynamicsCheckpoints>();
        services.AddSingleton<DynamicsStates>();
        services.AddSingleton<DynamicsWarmer>();
        services.AddSingleton<SuspectRankings>();
        services.AddSingleton<SuspectsQuery>();
        return services;
    }
}
