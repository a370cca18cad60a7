using ClassVisCloud.Analytics.Ingest;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Ingest;

/// <summary>
/// On the schedule of the app setting <c>SweepSchedule</c> (NCRONTAB, six fields, UTC): ingests whatever no
/// event brought in (missed events, retries, resolved conflicts). The Functions host, not this worker, resolves
/// <c>%SweepSchedule%</c> from the app settings (environment); when the setting is missing the host does not
/// index the function ("'%SweepSchedule%' does not resolve to a value") and the sweep never runs, so every
/// place that runs the app sets it: infra/app/api.bicep (default <see cref="DefaultSchedule"/>) and
/// local.settings.sample.json (every 10 seconds, for <c>func start</c>).
/// </summary>
public sealed class SweepRunsContainer(ContainerSweeper sweeper)
{
    /// <summary>The app setting that holds the schedule.</summary>
    public const string ScheduleSetting = "SweepSchedule";

    /// <summary>Every 5 minutes: what the deployment sets when no other schedule is asked for.</summary>
    public const string DefaultSchedule = "0 */5 * * * *";

    [Function(nameof(SweepRunsContainer))]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
