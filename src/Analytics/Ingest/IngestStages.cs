using System.Diagnostics;
using System.Globalization;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Where one ingest's time went, stage by stage, always on: kept in the ingest's ledger record, returned by
/// <c>/api/ingests</c> and written in its log line, so that a slow ingest can be explained without a profiler.
/// Stages that overlap (the matrix blob and the table writes) each count from their own start.
/// </summary>
public sealed class IngestStages
{
    public const string Download = "download";
    public const string Read = "read";
    public const string Compute = "compute";
    public const string Matrix = "matrix";
    public const string Tables = "tables";
    public const string Flip = "flip";
    public const string Dynamics = "dynamics";

    private readonly List<IngestStage> stages = [];
    private readonly Lock gate = new();

    public IReadOnlyList<IngestStage> All
    {
        get
        {
            lock (gate) return [.. stages];
        }
    }

    /// <summary>Times <paramref name="work"/> as <paramref name="stage"/> (added to it when the stage runs more than once).</summary>
    public async Task<T> MeasureAsync<T>(string stage, Func<Task<T>> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(stage, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public async Task MeasureAsync(string stage, Func<Task> work) =>
        await MeasureAsync(stage, async () => { await work(); return true; });

    public T Measure<T>(string stage, Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public void Add(string stage, double milliseconds)
    {
        lock (gate)
        {
            int at = stages.FindIndex(s => s.Name == stage);
            if (at < 0) stages.Add(new IngestStage(stage, milliseconds));
            else stages[at] = stages[at] with { Milliseconds = stages[at].Milliseconds + milliseconds };
        }
    }

    /// <summary>"download 120 ms, read 310 ms, …": the log line's and the ledger's text form.</summary>
    public static string Describe(IEnumerable<IngestStage> stages) =>
        string.Join(", ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Milliseconds:F0} ms")));

    public override string ToString() => Describe(All);

    /// <summary>Reads back <see cref="ToString"/>; unknown text gives no stages.</summary>
    public static IReadOnlyList<IngestStage> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var stages = new List<IngestStage>();
        foreach (string part in text.Split(", "))
        {
            var words = part.Split(' ');
            if (words.Length == 3 && words[2] == "ms" && double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
                stages.Add(new IngestStage(words[0], ms));
        }
        return stages;
    }
}

/// <summary>One stage of an ingest and its wall-clock milliseconds.</summary>
public sealed record IngestStage(string Name, double Milliseconds);
