using System.Text.Json;

namespace ClassVisCloud.DevHost;

/// <summary>
/// The headers Azure Static Web Apps adds to every file of the deployed dashboard ("globalHeaders" of
/// staticwebapp.config.json, which scripts/deploy/dashboard-config.sh writes into dist/). When the served folder
/// holds that file, the DevHost sends them too, so the dashboard can be tried under its deployed
/// Content-Security-Policy; a plain build has no such file and gets none.
/// </summary>
public static class StaticSiteHeaders
{
    public const string FileName = "staticwebapp.config.json";

    /// <summary>The global headers of the folder's staticwebapp.config.json (none without the file); a file that cannot be read stops the DevHost with its reason.</summary>
    public static IReadOnlyDictionary<string, string> Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return new Dictionary<string, string>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("globalHeaders", out var headers)
                ? headers.EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString() ?? "")
                : new Dictionary<string, string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{path} is not a Static Web Apps configuration the DevHost can read: {ex.Message}", ex);
        }
    }
}
