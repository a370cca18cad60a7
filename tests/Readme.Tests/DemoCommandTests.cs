using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassVisCloud.Readme.Tests;

/// <summary>
/// Follows the README as a new user would: a fresh clone in a temporary folder, the demo command with a
/// small run, the dashboard URL it prints, every epoch reported ingested by the API, then Ctrl-C stops it all.
/// </summary>
[Trait("Category", "Readme")]
public sealed partial class DemoCommandTests
{
    [GeneratedRegex(@"Dashboard: (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex DashboardLine();

    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClassVisCloud.sln not found above the test assembly.");
    }

    [Fact]
    public async Task The_demo_command_on_a_fresh_clone_serves_a_dashboard_with_every_epoch_ingested_and_stops_on_ctrl_c()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "README.md"));
        Assert.Contains("./demo.sh", readme);
        Assert.Contains("./test.sh", readme);

        var clone = Path.Combine(Path.GetTempPath(), "cvc-readme-" + Guid.NewGuid().ToString("N")[..8]);
        Run("git", ["clone", "--quiet", RepoRoot(), clone]);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // setsid: the demo leads its own process group, so the test can send Ctrl-C to it and all it started.
        var start = new ProcessStartInfo("setsid", ["bash", "./demo.sh", "--samples", "600", "--classes", "6", "--epochs", "4", "--delay-ms", "100", "--run", "readme-run"])
        {
            WorkingDirectory = clone, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var demo = Process.Start(start)!;
        demo.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        demo.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        try
        {
            var url = await WaitForAsync(() => output.Select(l => DashboardLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value,
                TimeSpan.FromMinutes(12), demo, output);
            using var client = new HttpClient { BaseAddress = new Uri(url + "/") };
            var epochsOk = await WaitForAsync(async () =>
            {
                var response = await client.GetAsync("api/runs/readme-run");
                if (!response.IsSuccessStatusCode) return null;
                var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                var ok = run.GetProperty("epochs").EnumerateArray().Count(e => e.GetProperty("status").GetString() == "ok");
                return ok == 4 ? "4" : null;
            }, TimeSpan.FromMinutes(2), demo, output);
            Assert.Equal("4", epochsOk);
            var page = await client.GetStringAsync("");
            Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);

            Run("kill", ["-INT", "--", "-" + demo.Id]);
            Assert.True(demo.WaitForExit(60_000), "the demo did not stop on Ctrl-C");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("api/runs"));
        }
        finally
        {
            if (!demo.HasExited) Run("kill", ["-KILL", "--", "-" + demo.Id]);
            try { Directory.Delete(clone, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<string> WaitForAsync(Func<Task<string?>> probe, TimeSpan timeout, Process demo, IEnumerable<string> output)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try { if (await probe() is { } value) return value; }
            catch (HttpRequestException) { }
            if (demo.HasExited) break;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the demo did not get there (exited: {demo.HasExited}); its output:\n{string.Join('\n', output.TakeLast(40))}");
    }

    static Task<string> WaitForAsync(Func<string?> probe, TimeSpan timeout, Process demo, IEnumerable<string> output) =>
        WaitForAsync(() => Task.FromResult(probe()), timeout, demo, output);

    static void Run(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }
}
