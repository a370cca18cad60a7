using System.Net;

namespace ClassVisCloud.DevHost;

/// <summary>The DevHost is anonymous, so it listens on loopback only: http://127.0.0.1:7071 unless ASPNETCORE_URLS says otherwise.</summary>
public static class LoopbackUrls
{
    public const string Default = "http://127.0.0.1:7071";

    public static void UseLoopbackUrls(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrWhiteSpace(urls)) { webHost.UseUrls(Default); return; }
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var host = new Uri(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0")).Host;
            var loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
                throw new InvalidOperationException($"The DevHost serves the API without authentication and binds to loopback only; '{url}' is not a loopback address.");
        }
        webHost.UseUrls(urls);
    }
}
