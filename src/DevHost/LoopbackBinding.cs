using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace ClassVisCloud.DevHost;

/// <summary>
/// The DevHost serves the API without authentication, so it listens on loopback only, and binds the addresses
/// itself: ASPNETCORE_URLS (or --urls) gives the port and nothing else. Kestrel reads a URL its own way
/// ("http://x@127.0.0.1:PORT" is to it a host name, so every interface), so a URL that is not plainly
/// http://{loopback}:{port}, and any Kestrel endpoint setting, is refused rather than interpreted.
/// </summary>
public static partial class LoopbackBinding
{
    public const int DefaultPort = 7071;

    [GeneratedRegex(@"\Ahttp://(?<host>localhost|\[::1\]|127(?:\.[0-9]{1,3}){3}):(?<port>[0-9]{1,5})/?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoopbackUrl();

    /// <summary>Listens on the loopback addresses the configuration names; returns why it refuses to, or null.</summary>
    public static string? UseLoopbackOnly(this ConfigureWebHostBuilder webHost, IConfiguration configuration)
    {
        var (endpoints, problem) = Read(configuration);
        if (problem is not null) return problem;
        // Our endpoints, never the URLs: no "Overriding address(es)" warning, and no setting that puts URLs first.
        webHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        webHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        webHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (address, port) in endpoints)
            {
                if (address is null) kestrel.ListenLocalhost(port);
                else kestrel.Listen(address, port);
            }
        });
        return null;
    }

    /// <summary>
    /// The endpoints to listen on (a null address is localhost: IPv4 and IPv6 loopback), or why the settings are
    /// refused: Kestrel endpoint settings, or a URL other than http://127.x.y.z:PORT, http://[::1]:PORT or http://localhost:PORT.
    /// </summary>
    public static (IReadOnlyList<(IPAddress? Address, int Port)> Endpoints, string? Problem) Read(IConfiguration configuration)
    {
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
            return ([], "The DevHost binds to loopback by itself and refuses Kestrel:Endpoints settings (Kestrel__Endpoints__* variables, appsettings): "
                + "remove them and give the port with ASPNETCORE_URLS=http://127.0.0.1:PORT.");
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls)) return ([(IPAddress.Loopback, DefaultPort)], null);
        var endpoints = new List<(IPAddress?, int)>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = LoopbackUrl().Match(url);
            var host = match.Groups["host"].Value;
            IPAddress? address = null;
            if (!match.Success || !int.TryParse(match.Groups["port"].ValueSpan, out var port) || port > IPEndPoint.MaxPort
                || (!host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !(IPAddress.TryParse(host, out address) && IPAddress.IsLoopback(address))))
                return ([], $"The DevHost serves the API without authentication, so it listens on loopback only: '{url}' is not one of "
                    + "http://127.0.0.1:PORT, http://[::1]:PORT or http://localhost:PORT (no user name, no other host, no path).");
            endpoints.Add((address, port));
        }
        return (endpoints, null);
    }
}
