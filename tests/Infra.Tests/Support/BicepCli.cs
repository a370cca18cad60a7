using System.Diagnostics;

namespace ClassVisCloud.Infra.Tests.Support;

/// <summary>Runs the offline Bicep CLI and captures what it says.</summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>Diagnostic lines ("file(line,col) : Warning|Error code: message").</summary>
        public IReadOnlyList<string> Diagnostics =>
            Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.Contains(" : Warning ", StringComparison.Ordinal)
                         || l.Contains(" : Error ", StringComparison.Ordinal)
                         || l.Contains(" : Info ", StringComparison.Ordinal))
                .ToList();
    }

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(RepoPaths.Bicep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No telemetry and no update checks: CI has no network beyond the package registries.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {RepoPaths.Bicep}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }
}
