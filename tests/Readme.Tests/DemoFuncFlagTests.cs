using System.Diagnostics;

namespace ClassVisCloud.Readme.Tests;

/// <summary>
/// <c>./demo.sh --func</c> runs the Functions app under Azure Functions Core Tools. Where they are not installed
/// (as on the machines these tests run on) it must say so and stop before starting anything.
/// </summary>
public sealed class DemoFuncFlagTests
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClassVisCloud.sln not found above the test assembly.");
    }

    [Fact]
    public async Task Without_Core_Tools_on_the_PATH_the_func_flag_says_what_it_needs_and_exits_3_having_started_nothing()
    {
        // This PATH lacks every directory that holds a `func`, whatever this machine has installed.
        var path = string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Where(dir => dir.Length > 0 && !File.Exists(Path.Combine(dir, "func"))));
        var start = new ProcessStartInfo("bash", ["./demo.sh", "--func", "--samples", "100"])
        {
            WorkingDirectory = RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PATH"] = path;

        using var demo = Process.Start(start)!;
        var output = demo.StandardOutput.ReadToEndAsync();
        var error = demo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await demo.WaitForExitAsync(timeout.Token);

        Assert.Equal(3, demo.ExitCode);
        Assert.Contains("./demo.sh --func needs Azure Functions Core Tools (the `func` command, version 4)", await output);
        Assert.Contains("without --func", await output);
        Assert.DoesNotContain("== 1/6", await output);
        Assert.Equal("", await error);
    }

    [Fact]
    public async Task The_help_names_the_func_flag()
    {
        var start = new ProcessStartInfo("bash", ["./demo.sh", "--help"]) { WorkingDirectory = RepoRoot(), RedirectStandardOutput = true };
        using var demo = Process.Start(start)!;
        var output = await demo.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await demo.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("[--func]", output);
        Assert.Contains("--func: the Functions app itself under Azure Functions Core Tools", output);
    }
}
