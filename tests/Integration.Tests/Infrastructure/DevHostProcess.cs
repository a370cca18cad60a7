using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>The built DevHost, started as a user would (dotnet ClassVisCloud.DevHost.dll) on a free loopback port.</summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output;
    public HttpClient Client { get; }
    public Uri BaseAddress { get; }
    public int ProcessId => process.Id;

    DevHostProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts the DevHost on the test's storage and waits until it answers.</summary>
    /// <param name="settings">More environment variables (configuration), on top of the test's storage.</param>
    /// <param name="signedIn">True when the API needs a sign-in: any answer (a 401 too) means the DevHost is up.</param>
    public static async Task<DevHostProcess> StartAsync(TestStorage storage, IReadOnlyDictionary<string, string>? settings = null, bool signedIn = false)
    {
        var host = Launch(storage, settings);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (host.process.HasExited) throw new InvalidOperationException($"The DevHost exited with code {host.process.ExitCode}:\n{host.Output}");
            try { if ((await host.Client.GetAsync("api/runs")) is { } answer && (answer.IsSuccessStatusCode || signedIn)) return host; }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The DevHost did not answer within 60 s.");
    }

    /// <summary>Starts the DevHost on the test's storage without waiting for it (it may end before it answers).</summary>
    public static DevHostProcess Launch(TestStorage storage, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["RunsStorage"] = storage.Options.ConnectionString!,
            ["RunsContainer"] = storage.Options.Container,
            ["TablePrefix"] = storage.Options.TablePrefix,
            ["SweepIntervalSeconds"] = "0.5",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var (process, output) = Start(environment, []);
        return new DevHostProcess(process, output, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Runs the DevHost with exactly these settings (no storage) until it exits by itself: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (process, output) = Start(environment, arguments);
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The DevHost did not exit within 60 s:\n{string.Join('\n', output)}");
            }
            process.WaitForExit(); // the output handlers have run
            return (process.ExitCode, string.Join('\n', output));
        }
    }

    static (Process, ConcurrentQueue<string>) Start(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var dll = BuildOutput.Find("DevHost", "ClassVisCloud.DevHost.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Only what the test says: no ASPNETCORE_* or Kestrel__* of the machine running the tests.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string Output => string.Join('\n', output);

    public bool HasExited => process.HasExited;

    /// <summary>Ends the process at once (SIGKILL), as an out-of-memory kill or a pulled plug would.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>The exit code, once the process has ended by itself within the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
