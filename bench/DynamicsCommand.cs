using ClassVisCloud.Api;
using System.Diagnostics;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>dynamics [--samples 1000000] [--epochs 100] [--classes 70] [--runs 3]</c>: the dynamics route at the last
/// epoch E of a synthetic run in Azurite. Epochs 1..E−1 are folded in memory (their mean fold time is printed) and
/// their state persisted as the route would have left it; epoch E's columns and every epoch row are stored. Then,
/// each in a fresh instance (empty cache) unless said otherwise: the first request for E without the ingest's
/// warm-up (state E−1 in memory, or from its blob; epoch E's columns from tables), the first request for E after the
/// warm-up persisted state E (another instance: a blob read), and requests on the instance that warmed it (JSON,
/// Arrow, suspects). Arrow unless said; medians of --runs.
/// </summary>
internal static class DynamicsCommand
{
    const string Run = "dynamics-bench";
    const string Split = "train";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var samples = options.GetInt("samples", 1_000_000);
        var epochs = options.GetInt("epochs", 100);
        var classes = options.GetInt("classes", 70);
        var runs = options.GetInt("runs", 3);
        await using var bench = BenchStorage.Create(Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var run = new DynamicsSyntheticRun(samples, classes, epochs);
            Console.WriteLine($"Training dynamics, {samples:N0} samples × {epochs} epochs × {classes} classes, Azurite ({BenchStorage.ConnectionString.Split(';')[0]})");
            var before = await FoldInMemoryAsync(run);
            Console.WriteLine($"fold in memory: {before.MeanFoldMs:F0} ms per epoch (mean of {epochs - 1}); state {before.StateBytes / 1e6:F0} MB encoded");
            await StoreAsync(bench.Storage, run, before.State);

            Console.WriteLine($"{"scenario",-62} {"median ms",10} {"best ms",8} {"body MB",8}");
            await ReportAsync("no warm-up, warm instance: E−1 in memory, E read from tables", runs, bench, async instance =>
            {
                await AskAsync(instance, epochs - 1, "arrow");
                return await TimeAsync(() => AskAsync(instance, epochs, "arrow"));
            }, after: () => ForgetStateAsync(bench, epochs));
            await ReportAsync("no warm-up, cold instance: E−1 from its blob, E from tables", runs, bench,
                instance => TimeAsync(() => AskAsync(instance, epochs, "arrow")), after: () => ForgetStateAsync(bench, epochs));
            await using var warm = Instance(bench);
            Print("the ingest's warm-up of E (in the trigger, off the request path)", [await TimeAsync(async () =>
            {
                await warm.GetRequiredService<DynamicsWarmer>().AfterIngestAsync(Run);
                return 0;
            })]);
            await ReportAsync("after the ingest warm-up, cold instance: E from its blob", runs, bench, instance => TimeAsync(() => AskAsync(instance, epochs, "arrow")));
            foreach (var format in new[] { "arrow", "json" })
                await ReportAsync($"after the warm-up, the instance that warmed (E in memory), {format}", runs, warm, instance => TimeAsync(() => AskAsync(instance, epochs, format)));
            await ReportAsync("same instance, suspects (limit 100)", runs, warm,
                instance => TimeAsync(async () => (await instance.GetRequiredService<DynamicsApi>().SuspectsAsync(Run, epochs.ToString(), Split, "100")).Body.Length));
            return 0;
        }
        finally
        {
            await bench.Services.GetRequiredService<DynamicsStates>().FlushAsync();
            await bench.Services.GetRequiredService<DynamicsCheckpoints>().Container.DeleteIfExistsAsync();
        }
    }

    sealed record Folded(DynamicsState State, double MeanFoldMs, long StateBytes);

    static Task<Folded> FoldInMemoryAsync(DynamicsSyntheticRun run) => Task.Run(() =>
    {
        var state = DynamicsState.Empty;
        var folding = new Stopwatch();
        for (var e = 1; e < run.Epochs; e++)
        {
            var inputs = run.Epoch(e);
            folding.Start();
            state = DynamicsFold.Add(state, inputs);
            folding.Stop();
        }
        return new Folded(state, folding.Elapsed.TotalMilliseconds / (run.Epochs - 1), StateCodec.Encode(state).LongLength);
    });

    /// <summary>Every epoch row, the ids, epoch E's columns, and the state at E−1 as the route persists it.</summary>
    static async Task StoreAsync(StorageClients storage, DynamicsSyntheticRun run, DynamicsState stateBefore)
    {
        var last = run.Epoch(run.Epochs);
        for (var e = 1; e <= run.Epochs; e++)
        {
            var record = new EpochRecord
            {
                Run = Run, Epoch = e, Status = EpochStatus.Ok, Version = $"v{e:D4}", ClassCount = run.Classes, ScoreKind = "probabilities",
                Splits = [new SplitSummary(Split, run.Samples, 0, 0, run.SetHash)],
            };
            await storage.Epochs.Table.UpsertEntityAsync(record.ToEntity());
        }
        await storage.Data.WriteAsync(Layout.IdsPartition(Run, run.SetHash), new Dictionary<string, byte[]> { [Columns.Ids] = ColumnCodec.EncodeStrings(run.Ids) });
        await storage.Data.WriteAsync(Layout.DataPartition(Run, run.Epochs, $"v{run.Epochs:D4}"), new Dictionary<string, byte[]>
        {
            [Layout.SplitColumn(0, Columns.Labels)] = ColumnCodec.EncodeClasses(last.Labels),
            [Layout.SplitColumn(0, Columns.Predicted)] = ColumnCodec.EncodeClasses(last.Predicted),
            [Layout.SplitColumn(0, Columns.LabelProbability)] = ColumnCodec.EncodeFloats(last.LabelProbability),
            [Layout.SplitColumn(0, Columns.Margin)] = ColumnCodec.EncodeFloats(last.Margin),
        });
        var view = await RunView.LoadAsync(storage, Run, CancellationToken.None);
        var chain = DynamicsChain.Of(view, run.Epochs - 1, Split);
        var checkpoints = new DynamicsCheckpoints(storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<DynamicsCheckpoints>.Instance);
        await checkpoints.WriteAsync(Run, Split, chain[^1], stateBefore);
    }

    static async Task<int> AskAsync(ServiceProvider instance, int epoch, string format)
    {
        var answer = await instance.GetRequiredService<DynamicsApi>().DynamicsAsync(Run, epoch.ToString(), Split, format);
        if (answer.Status != 200) throw new InvalidOperationException($"The dynamics route answered {answer.Status}: {System.Text.Encoding.UTF8.GetString(answer.Body)}");
        return answer.Body.Length;
    }

    static async Task<(double Ms, int Bytes)> TimeAsync(Func<Task<int>> ask)
    {
        var clock = Stopwatch.StartNew();
        var bytes = await ask();
        return (clock.Elapsed.TotalMilliseconds, bytes);
    }

    /// <summary>Each run in a fresh instance (its own cache) on the same storage.</summary>
    static async Task ReportAsync(string scenario, int runs, BenchStorage bench, Func<ServiceProvider, Task<(double Ms, int Bytes)>> measure, Func<Task>? after = null)
    {
        var results = new List<(double Ms, int Bytes)>();
        for (var i = 0; i < runs; i++)
        {
            await using (var instance = Instance(bench))
            {
                results.Add(await measure(instance));
                await instance.GetRequiredService<DynamicsStates>().FlushAsync();
            }
            if (after is not null) await after();
        }
        Print(scenario, results);
    }

    static async Task ReportAsync(string scenario, int runs, ServiceProvider instance, Func<ServiceProvider, Task<(double Ms, int Bytes)>> measure)
    {
        var results = new List<(double Ms, int Bytes)>();
        for (var i = 0; i < runs; i++) results.Add(await measure(instance));
        Print(scenario, results);
    }

    static void Print(string scenario, List<(double Ms, int Bytes)> results)
    {
        var sorted = results.Select(r => r.Ms).Order().ToList();
        Console.WriteLine($"{scenario,-62} {sorted[sorted.Count / 2],10:F0} {sorted[0],8:F0} {results[0].Bytes / 1e6,8:F1}");
    }

    /// <summary>Another instance of the app on the same storage: its own cache, as a second Functions host would have.</summary>
    static ServiceProvider Instance(BenchStorage bench) =>
        new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddClassVisCloudApi(bench.Options).BuildServiceProvider();

    /// <summary>Deletes the persisted state at E, so the next run computes it again.</summary>
    static async Task ForgetStateAsync(BenchStorage bench, int epoch)
    {
        var checkpoints = bench.Services.GetRequiredService<DynamicsCheckpoints>();
        foreach (var name in await checkpoints.ListAsync(Run, Split))
            if (name.Contains($"/{Layout.EpochRowKey(epoch)}-", StringComparison.Ordinal)) await checkpoints.Container.DeleteBlobIfExistsAsync(name);
    }
}
