using ClassVisCloud.Analytics.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Functions.Ingest;

/// <summary>
/// A new worker process sweeps once as it starts: the work of a worker that died (its lease lapsed) is taken
/// up now, not at the next timer tick. The ledger's leases keep it from racing a worker that is alive.
/// </summary>
public sealed class SweepAtStart(IServiceProvider services, ILogger<SweepAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: resolving the sweeper opens storage.
        await Task.Yield();
        try
        {
            await services.GetRequiredService<ContainerSweeper>().SweepAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The sweep at start failed; the timer sweeps again within 5 minutes");
        }
    }
}

public static class SweepAtStartServices
{
    public static IServiceCollection AddSweepAtStart(this IServiceCollection services) => services.AddHostedService<SweepAtStart>();
}
