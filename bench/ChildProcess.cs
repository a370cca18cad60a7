using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ClassVisCloud.Bench;

/// <summary>Runs a command of this bench in a fresh process, so each measurement's heap and peak working set are its own.</summary>
internal static class ChildProcess
{
    public static async Task<T> RunAsync<T>(params string[] arguments)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"the child '{string.Join(' ', arguments)}' failed: {output}");
        return JsonSerializer.Deserialize<T>(output.Trim().Split('\n')[^1])!;
    }
}
