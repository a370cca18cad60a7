namespace ClassVisCloud.Bench;

/// <summary>The bench's commands by name. Each lives in its own file; add new ones to <see cref="All"/>.</summary>
internal static class BenchCommands
{
    private sealed record Command(string Description, Func<string[], Task<int>> RunAsync);

    private static readonly Dictionary<string, Command> All = new(StringComparer.Ordinal)
    {
        ["decode"] = new("decode 100k×70 and 1M×70 predictions files: median time and peak working set", DecodeCommand.RunAsync),
        [DecodeChildCommand.Name] = new("(internal) decode one file in this process and print its figures", DecodeChildCommand.RunAsync),
        ["ingest"] = new("100k×70 and 1M×70 epochs end to end through the DevHost on Azurite, beside DuckDB's read: stages and peak RSS", IngestCommand.RunAsync),
        ["dynamics"] = new("training dynamics of 1M × 100 with and without the ingest's state preparation", DynamicsCommand.RunAsync),
        ["api"] = new("latency and bytes of the samples, run summary and scores routes through the DevHost", ApiCommand.RunAsync),
        ["routes"] = new("cold, warm and 304 times of the dashboard's first-view routes at 1M × 70 and 50k × 1,000 through the DevHost", RoutesCommand.RunAsync),
        ["memory"] = new("peak resident set of the DevHost under 16 parallel reads of a 1M split and 4 × 10,000 score vectors", MemoryCommand.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !All.TryGetValue(args[0], out var command))
        {
            Console.WriteLine("usage: dotnet run -c Release --project bench -- <command> [options]");
            foreach (var (name, known) in All) Console.WriteLine($"  {name,-14} {known.Description}");
            return args.Length == 0 || args[0] == "help" ? 0 : 2;
        }
        return await command.RunAsync(args[1..]);
    }
}
