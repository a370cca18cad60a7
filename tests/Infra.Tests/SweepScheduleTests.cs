using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Consistency;
using ClassVisCloud.Infra.Tests.Support;
using NCrontab;

namespace ClassVisCloud.Infra.Tests;

/// <summary>
/// The sweep's timer reads its schedule from the app setting SweepSchedule, which the Functions host resolves:
/// every place that runs the app must set it to a schedule the host's timer parses (NCRONTAB, six fields with
/// seconds, as Microsoft.Azure.WebJobs.Extensions' CronSchedule parses it).
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class SweepScheduleTests(CompiledInfra infra)
{
    private const string Setting = "SweepSchedule";

    /// <summary>The intervals between the schedule's next few occurrences (the host's parse: seconds when six fields).</summary>
    private static TimeSpan[] Intervals(string schedule)
    {
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(fields == 6, $"'{schedule}' has {fields} fields; the host's timer takes six (with seconds)");
        var cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var at = new DateTime(2026, 1, 1, 0, 0, 3, DateTimeKind.Utc);
        var times = cron.GetNextOccurrences(at, at.AddHours(1)).Take(6).ToArray();
        return times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
    }

    private string DeployedSchedule(params (string Name, string Value)[] parameters) =>
        TriggerInfraCheck.AppSettings(infra.Deploy(parameters).Single("Microsoft.Web/sites")).GetValueOrDefault(Setting)
        ?? throw new Xunit.Sdk.XunitException($"The Function App has no app setting {Setting}.");

    [Fact]
    public void The_built_sweep_trigger_reads_its_schedule_from_the_SweepSchedule_setting()
    {
        var sweep = FunctionsMetadata.Load(RepoPaths.FunctionsMetadata).Single(f => f.Name == "SweepRunsContainer");
        Assert.Equal("timerTrigger", sweep.TriggerType);
        Assert.Equal($"%{Setting}%", FunctionDeclaration.Text(sweep.Trigger!, "schedule"));
    }

    [Fact]
    public void Deployed_the_sweep_runs_every_five_minutes()
    {
        Assert.Equal("0 */5 * * * *", DeployedSchedule());
        Assert.All(Intervals(DeployedSchedule()), interval => Assert.Equal(TimeSpan.FromMinutes(5), interval));
    }

    [Fact]
    public void An_empty_parameter_keeps_the_default_and_another_schedule_is_passed_through()
    {
        // azd passes ${SWEEP_SCHEDULE} as "" when the variable is not set.
        Assert.Equal("0 */5 * * * *", DeployedSchedule(("sweepSchedule", "")));
        Assert.Equal("0 */2 * * * *", DeployedSchedule(("sweepSchedule", "0 */2 * * * *")));
    }

    [Fact]
    public void The_local_sample_settings_sweep_every_ten_seconds()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))!;
        var schedule = (string?)sample["Values"]?[Setting];
        Assert.Equal("*/10 * * * * *", schedule);
        Assert.All(Intervals(schedule!), interval => Assert.Equal(TimeSpan.FromSeconds(10), interval));
    }
}
