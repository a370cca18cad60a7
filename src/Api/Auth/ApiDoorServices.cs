using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Api.Auth;

public static class ApiDoorServices
{
    /// <summary>
    /// Registers the <see cref="ApiDoor"/> from the Auth section. Settings that cannot work give a door that refuses
    /// every request with the reason (500), never an open API; <paramref name="problem"/> says so for the host's log.
    /// </summary>
    /// <param name="defaultMode">The mode when Auth:Mode is absent (the loopback DevHost: none), or null when it must be set.</param>
    public static IServiceCollection AddApiDoor(this IServiceCollection services, IConfiguration configuration, ApiAuthMode? defaultMode, out string? problem)
    {
        ApiAuthOptions options;
        try
        {
            options = ApiAuthOptions.Read(configuration, defaultMode);
            problem = null;
        }
        catch (ApiAuthSettingsException ex)
        {
            problem = ex.Message;
            services.AddSingleton(ApiDoor.Refusing(ex.Message));
            return services;
        }
        services.AddSingleton(options);
        if (options.Mode == ApiAuthMode.Entra)
        {
            // One client for the authority's documents: the ConfigurationManager caches them (a day, or until a token names a new key).
            services.AddSingleton(_ => BearerTokens.OverHttp(options, new HttpClient { Timeout = TimeSpan.FromSeconds(10) }));
            services.AddSingleton(sp => new ApiDoor(options, sp.GetRequiredService<BearerTokens>()));
        }
        else
        {
            services.AddSingleton(new ApiDoor(options, null));
        }
        return services;
    }
}
