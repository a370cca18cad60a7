using System.Net;
using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.DevHost;

/// <summary>
/// Answers only requests addressed to loopback (Host localhost, 127.x.y.z or [::1], with any port). A web page
/// can point a name of its own at 127.0.0.1 (DNS rebinding) and then read the API as its own origin; the
/// browser still sends that name as Host, and gets 421.
/// </summary>
public static class LoopbackHosts
{
    public static void UseLoopbackHostsOnly(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var host = context.Request.Host;
            if (IsLoopback(host))
            {
                await next(context);
                return;
            }
            var response = host.HasValue
                ? ApiResponse.Error(421, "misdirected request", $"the DevHost answers only requests addressed to localhost, 127.0.0.1 or [::1], not to '{host.Host}'")
                : ApiResponse.BadRequest("the request has no Host header; the DevHost answers only requests addressed to localhost, 127.0.0.1 or [::1]");
            await new ApiResult(response).ExecuteResultAsync(new ActionContext { HttpContext = context });
        });

    public static bool IsLoopback(HostString host)
    {
        if (!host.HasValue) return false;
        var name = host.Host;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        // A literal address only: "127.0.0.1.attacker.example" is a name, and names other than localhost are refused.
        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return (name.StartsWith('[') || IsDottedQuad(literal)) && IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }

    static bool IsDottedQuad(string name) => name.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
}
