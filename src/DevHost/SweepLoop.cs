using ClassVisCloud.Analytics.Ingest;

namespace ClassVisCloud.DevHost;

/// <summary>
/// Where no Event Grid exists (Azurite), the DevHost sweeps the container every second through the same
/// code as the blob trigger, so an upload is ingested within a couple of seconds.
/// </summary>
public sealed class SweepLoop(IServiceProvider services, IConfiguration configuration, ILogger<SweepLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(double.TryParse(configuration["SweepIntervalSeconds"], out var seconds) ? seconds : 1);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await services.GetRequiredService<ContainerSweeper>().SweepAsync(stoppingToken);
                if (failing) logger.LogInformation("Storage is reachable again; sweeping resumes");
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing) logger.LogWarning("Sweep failed: {Message} (is Azurite running? ./demo.sh starts it); retrying every {Interval}", ex.Message, interval);
                failing = true;
            }
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { });
        }
    }
}
