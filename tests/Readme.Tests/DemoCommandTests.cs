using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassVisCloud.Readme.Tests;

/// <summary>
/// Follows the README as a new user would: a fresh clone in a temporary folder, the demo command with a
/// small run, the dashboard URL it prints, every epoch reported ingested by the API, then Ctrl-C stops it all.
/// Ctrl-C is what a terminal sends: SIGINT to the demo's whole process group, which a terminal's shell starts
/// with SIGINT at its default, whatever the test's own parent ignores.
/// </summary>
[Trait("Category", "Readme")]
public sealed partial class DemoCommandTests(DemoCommandTests.Clone clone) : IClassFixture<DemoCommandTests.Clone>
{
    [GeneratedRegex(@"Dashboard: (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex DashboardLine();

    /// <summary>One fresh clone of the repository for the class: the first demo builds it, the others reuse the build.</summary>
    public sealed class Clone : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cvc-readme-" + Guid.NewGuid().ToString("N")[..8]);

        public Clone() => Run("git", ["clone", "--quiet", RepoRoot(), Folder]);

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClassVisCloud.sln not found above the test assembly.");
    }

    /// <summary>The running demo: its process (the leader of its own process group) and everything it printed.</summary>
    sealed class Demo(Process process, ConcurrentQueue<string> output) : IDisposable
    {
        public Process Process => process;
        public IEnumerable<string> Output => output;
        public int Group => process.Id;

        public void Dispose()
        {
            if (Members().Count > 0) Run("kill", ["-KILL", "--", "-" + Group]);
            process.Dispose();
        }

        /// <summary>The processes still running in the demo's process group (zombies waiting for their reaper are gone).</summary>
        public List<string> Members()
        {
            using var ps = Process.Start(new ProcessStartInfo("ps", ["-e", "-o", "pgid=,stat=,pid=,args="]) { RedirectStandardOutput = true })!;
            var lines = ps.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            ps.WaitForExit();
            return lines.Select(l => l.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length == 3 && f[0] == Group.ToString() && !f[1].StartsWith('Z'))
                .Select(f => f[2]).ToList();
        }

        public string Tail => string.Join('\n', output.TakeLast(40));
    }

    Demo Start(params string[] arguments)
    {
        Assert.Contains("./demo.sh", File.ReadAllText(Path.Combine(RepoRoot(), "README.md")));
        var output = new ConcurrentQueue<string>();
        // setsid: the demo leads its own process group, as a terminal's foreground job does, so the test can send
        // Ctrl-C to it and all it started; env --default-signal: SIGINT as a terminal's shell gives it, not
        // inherited as ignored from whatever runs the tests (then bash could not even trap it).
        var start = new ProcessStartInfo("setsid", ["env", "--default-signal=INT", "bash", "./demo.sh", .. arguments])
        {
            WorkingDirectory = clone.Folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Demo(process, output);
    }

    static async Task<string> DashboardAsync(Demo demo) =>
        await WaitForAsync(() => demo.Output.Select(l => DashboardLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value,
            TimeSpan.FromMinutes(12), demo);

    static async Task<int> EpochsOkAsync(HttpClient client, string run)
    {
        var response = await client.GetAsync($"api/runs/{run}");
        if (!response.IsSuccessStatusCode) return 0;
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("epochs").EnumerateArray().Count(e => e.GetProperty("status").GetString() == "ok");
    }

    /// <summary>The demo ends within a minute and leaves nothing running: no DevHost, no Azurite, no upload, no build server.</summary>
    static async Task AssertStoppedAsync(Demo demo, HttpClient client, string how)
    {
        Assert.True(demo.Process.WaitForExit(60_000), $"the demo did not stop on {how}:\n{demo.Tail}");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("api/runs"));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (demo.Members().Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(demo.Members().Count == 0, $"left running after {how}:\n{string.Join('\n', demo.Members())}");
    }

    [Fact]
    public async Task The_demo_command_on_a_fresh_clone_serves_a_dashboard_with_every_epoch_ingested_and_stops_on_ctrl_c()
    {
        Assert.Contains("./test.sh", await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "README.md")));
        using var demo = Start("--samples", "600", "--classes", "6", "--epochs", "4", "--delay-ms", "100", "--run", "readme-run");
        using var client = new HttpClient { BaseAddress = new Uri(await DashboardAsync(demo) + "/") };
        var epochsOk = await WaitForAsync(async () => await EpochsOkAsync(client, "readme-run") == 4 ? "4" : null, TimeSpan.FromMinutes(2), demo);
        Assert.Equal("4", epochsOk);
        Assert.Contains("<html", await client.GetStringAsync(""), StringComparison.OrdinalIgnoreCase);

        Run("kill", ["-INT", "--", "-" + demo.Group]);
        await AssertStoppedAsync(demo, client, "Ctrl-C");
    }

    [Fact]
    public async Task Ctrl_c_during_the_upload_stops_everything_the_demo_started_Azurite_included()
    {
        using var demo = Start("--samples", "600", "--classes", "6", "--epochs", "40", "--delay-ms", "1500", "--run", "interrupted");
        using var client = new HttpClient { BaseAddress = new Uri(await DashboardAsync(demo) + "/") };
        await WaitForAsync(async () => await EpochsOkAsync(client, "interrupted") >= 1 ? "1" : null, TimeSpan.FromMinutes(2), demo);
        Assert.Contains(demo.Members(), p => p.Contains(" upload ", StringComparison.Ordinal));
        var ownAzurite = demo.Members().Any(p => p.Contains("azurite", StringComparison.Ordinal));

        Run("kill", ["-INT", "--", "-" + demo.Group]);
        await AssertStoppedAsync(demo, client, "Ctrl-C during the upload");
        if (ownAzurite) Assert.False(Listening(10000), "Azurite still listens on 10000");
    }

    [Fact]
    public async Task The_demo_stops_everything_it_started_on_SIGTERM_too()
    {
        using var demo = Start("--samples", "600", "--classes", "6", "--epochs", "40", "--delay-ms", "1500", "--run", "terminated");
        using var client = new HttpClient { BaseAddress = new Uri(await DashboardAsync(demo) + "/") };
        await WaitForAsync(async () => await EpochsOkAsync(client, "terminated") >= 1 ? "1" : null, TimeSpan.FromMinutes(2), demo);

        // What a service manager or `kill PID` sends: to the script alone.
        Run("kill", ["-TERM", demo.Group.ToString()]);
        await AssertStoppedAsync(demo, client, "SIGTERM");
    }

    static bool Listening(int port)
    {
        try
        {
            using var socket = new System.Net.Sockets.TcpClient();
            socket.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException) { return false; }
    }

    static async Task<string> WaitForAsync(Func<Task<string?>> probe, TimeSpan timeout, Demo demo)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try { if (await probe() is { } value) return value; }
            catch (HttpRequestException) { }
            if (demo.Process.HasExited) break;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the demo did not get there (exited: {demo.Process.HasExited}); its output:\n{demo.Tail}");
    }

    static Task<string> WaitForAsync(Func<string?> probe, TimeSpan timeout, Demo demo) =>
        WaitForAsync(() => Task.FromResult(probe()), timeout, demo);

    static void Run(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }
}
