namespace ClassVisCloud.Bench;

/// <summary>
/// A process's CPU time (user + system) from /proc: on a shared machine, the CPU an ingest costs is steadier than its
/// wall time, and it says which process (the DevHost or Azurite) the time goes to.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>CPU milliseconds used so far, or null when the process is not readable (gone, or not Linux).</summary>
    public static double? Milliseconds(int? pid)
    {
        if (pid is not { } id) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // Fields after the command (in parentheses, which may hold spaces): utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return ticks * 1000.0 / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    /// <summary>Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.</summary>
    const double TicksPerSecond = 100;

    /// <summary>The Azurite process the bench talks to: AZURITE_PID, as scripts/azurite.sh exports it.</summary>
    public static int? AzuritePid() =>
        int.TryParse(Environment.GetEnvironmentVariable("AZURITE_PID"), out var pid) && Milliseconds(pid) is not null ? pid : null;
}
