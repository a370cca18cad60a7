using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Bench;

/// <summary>The built DevHost (Release), started on a free loopback port over a bench's storage corner.</summary>
internal sealed class DevHostServer : IAsyncDisposable
{
    readonly Process process;
    public Uri BaseAddress { get; }
    public int ProcessId => process.Id;

    DevHostServer(Process process, Uri baseAddress) { this.process = process; BaseAddress = baseAddress; }

    /// <param name="dll">Another build of the DevHost (e.g. an older commit's, to compare); by default this checkout's Release build.</param>
    public static async Task<DevHostServer> StartAsync(StorageOptions storage, string? dll = null)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ClassVisCloud.sln"))) root = root.Parent;
        dll ??= Directory.GetFiles(Path.Combine(root!.FullName, "src", "DevHost", "bin"), "ClassVisCloud.DevHost.dll", SearchOption.AllDirectories)
            .Where(f => f.Contains("Release")).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("Build the DevHost first: dotnet build src/DevHost -c Release");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["RunsStorage"] = storage.ConnectionString;
        start.Environment["RunsContainer"] = storage.Container;
        start.Environment["TablePrefix"] = storage.TablePrefix;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DevHostServer(process, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try { if ((await client.GetAsync(new Uri(server.BaseAddress, "api/runs"))).IsSuccessStatusCode) return server; }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The DevHost did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
