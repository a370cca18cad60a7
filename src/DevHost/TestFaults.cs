using System.Diagnostics;
using System.Text.RegularExpressions;
using ClassVisCloud.Analytics.Ingest;

namespace ClassVisCloud.DevHost;

/// <summary>
/// For the fault tests, and only in the "Testing" environment: the setting Testing:ExitOnIngestOf (a regular
/// expression) ends the process at once, as a kill or an out-of-memory would (SIGKILL, exit code 137), when an
/// ingest starts reading a blob whose name matches.
/// </summary>
public static class TestFaults
{
    public static void AddTestFaults(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsEnvironment("Testing") || builder.Configuration["Testing:ExitOnIngestOf"] is not { Length: > 0 } pattern) return;
        var names = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        builder.Services.AddSingleton<IngestStarting>(blob =>
        {
            if (!names.IsMatch(blob.Path.Name)) return;
            Console.Error.WriteLine($"Testing:ExitOnIngestOf: the process ends at the ingest of {blob.Path.Name}");
            Process.GetCurrentProcess().Kill();
        });
    }
}
