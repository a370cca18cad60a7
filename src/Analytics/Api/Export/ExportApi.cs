using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Queries.Exports;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Api.Export;

/// <summary>
/// GET /api/export/*.csv: the star schema for Power BI and spreadsheets (API.md, "Exports for Power BI and
/// spreadsheets"). Every argument is checked, and a named run, epoch or split must exist, before the file starts;
/// <c>run</c> omitted means every run. A run with no complete epoch gives a header-only file, not an error.
/// </summary>
public sealed class ExportApi(StorageClients storage, ExportQueries queries)
{
    public const int DefaultSuspects = 1000;

    public async Task<Parsed<CsvAnswer>> RunsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ExportScope.LoadAsync(storage, run: null, cancellationToken);
        return Csv<RunSummary, RunColumns>("runs.csv", _ => ExportQueries.Runs(scope));
    }

    public async Task<Parsed<CsvAnswer>> ClassesAsync(string? run, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(run, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        return Csv<ClassRow, ClassColumns>("classes.csv", _ => ExportQueries.Classes(scope.Value));
    }

    public async Task<Parsed<CsvAnswer>> EpochsAsync(string? run, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(run, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        return Csv<EpochSplitRow, EpochColumns>("epochs.csv", _ => ExportQueries.Epochs(scope.Value));
    }

    public async Task<Parsed<CsvAnswer>> ClassEpochsAsync(string? run, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(run, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        return Csv<ClassEpochRow, ClassEpochColumns>("class-epochs.csv", ct => queries.ClassEpochsAsync(scope.Value, ct));
    }

    public async Task<Parsed<CsvAnswer>> ConfusionAsync(string? run, string? epoch, CancellationToken cancellationToken = default)
    {
        var number = OptionalEpoch(epoch);
        if (number.Problem is { } badEpoch) return badEpoch;
        var scope = await ScopeAsync(run, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        // Every split of the epoch is exported: it needs only to be complete.
        if (run is not null && number.Value is { } e && EpochProblem(scope.Value.Runs[0], e, scope.Value.Runs[0].Epoch(e)?.Splits.FirstOrDefault()?.Name) is { } missing) return missing;
        return Csv<ConfusionCellRow, ConfusionColumns>("confusion.csv", ct => queries.ConfusionAsync(scope.Value, number.Value, ct));
    }

    public async Task<Parsed<CsvAnswer>> SuspectsAsync(string? run, string? epoch, string? split, string? limit, CancellationToken cancellationToken = default)
    {
        var number = OptionalEpoch(epoch);
        if (number.Problem is { } badEpoch) return badEpoch;
        if (split is not null && ApiArguments.CheckId(split, "split") is { } badSplit) return badSplit;
        var count = ApiArguments.Count(limit, "limit", DefaultSuspects, DynamicsApi.MaxSuspects);
        if (count.Problem is { } badLimit) return badLimit;
        var scope = await ScopeAsync(run, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        if (run is not null && number.Value is { } e && EpochProblem(scope.Value.Runs[0], e, split) is { } missing) return missing;
        if (run is not null && split is not null && !scope.Value.Runs[0].Splits.Contains(split))
            return ApiResponse.NotFound($"run '{run}' has no complete epoch with split '{split}'");
        return Csv<SuspectRow, SuspectColumns>("suspects.csv", ct => queries.SuspectsAsync(scope.Value, number.Value, split, count.Value, ct));
    }

    /// <summary>The named run (404 when it does not exist), or every run.</summary>
    async Task<Parsed<ExportScope>> ScopeAsync(string? run, CancellationToken cancellationToken)
    {
        if (run is not null && ApiArguments.CheckRun(run) is { } badRun) return badRun;
        var scope = await ExportScope.LoadAsync(storage, run, cancellationToken);
        if (run is not null && !scope.Runs[0].Exists) return ApiResponse.NotFound($"no run '{run}'");
        return scope;
    }

    static Parsed<long?> OptionalEpoch(string? epoch)
    {
        if (epoch is null) return (long?)null;
        var parsed = ApiArguments.Epoch(epoch);
        if (parsed.Problem is { } problem) return problem;
        return parsed.Value;
    }

    /// <summary>A named run's epoch that is missing, failed, pending or without the split (default: the run's default split): the JSON routes' 404.</summary>
    static ApiResponse? EpochProblem(RunView view, long epoch, string? split) =>
        EpochSelection.Resolve(view, epoch, split).Problem;

    static Parsed<CsvAnswer> Csv<TRow, TColumns>(string fileName, Func<CancellationToken, IAsyncEnumerable<TRow>> rows)
        where TColumns : CsvHelper.Configuration.ClassMap<TRow>, new() =>
        new CsvAnswer(fileName, (output, ct) => CsvFile.WriteAsync<TRow, TColumns>(output, rows(ct), ct));
}
