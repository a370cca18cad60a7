using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>The built DevHost, started as a user would (dotnet ClassVisCloud.DevHost.dll) on a free loopback port.</summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    readonly Process process;
    public HttpClient Client { get; }
    public Uri BaseAddress { get; }
    public int ProcessId => process.Id;

    DevHostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <param name="settings">More settings (environment variables), e.g. the memory budget's.</param>
    public static async Task<DevHostProcess> StartAsync(TestStorage storage, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var dll = BuildOutput.Find("DevHost", "ClassVisCloud.DevHost.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["RunsStorage"] = storage.Options.ConnectionString,
                ["RunsContainer"] = storage.Options.Container,
                ["TablePrefix"] = storage.Options.TablePrefix,
                ["SweepIntervalSeconds"] = "0.5",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new DevHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The DevHost exited with code {process.ExitCode}.");
            try { if ((await host.Client.GetAsync("api/runs")).IsSuccessStatusCode) return host; }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The DevHost did not answer within 60 s.");
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
