using ClassVisCloud.Analytics.Ingest;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Ingest;

/// <summary>Every 5 minutes (UTC): ingests whatever no event brought in (missed events, retries, resolved conflicts).</summary>
public sealed class SweepRunsContainer(ContainerSweeper sweeper)
{
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(SweepRunsContainer))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
