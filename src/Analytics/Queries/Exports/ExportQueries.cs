using System.Runtime.CompilerServices;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries.Exports;

/// <summary>
/// The rows of the exports, computed by the queries the JSON routes use (one computation, two encodings): the run
/// list's <see cref="RunSummary"/>, the run route's epoch summaries, the classes and confusion routes' stored
/// aggregates, the suspects route's ranking. Rows are produced one epoch at a time, so nothing holds a whole file.
/// Only complete (ok) epochs have rows; a run without one has none.
/// </summary>
public sealed class ExportQueries(EpochColumnsReader columns, SuspectsQuery suspects)
{
    /// <summary>Epoch aggregates read ahead of the one being written (a C × C matrix each: 4 MB at 1,000 classes).</summary>
    const int AggregatesReadAhead = 4;

    public static IAsyncEnumerable<RunSummary> Runs(ExportScope scope) => scope.Runs.Select(RunSummary.From).ToAsyncEnumerable();

    public static IAsyncEnumerable<ClassRow> Classes(ExportScope scope) =>
        scope.WithData.SelectMany(view => view.ClassNames.Select((name, index) => new ClassRow(view.Run, index, name))).ToAsyncEnumerable();

    public static IAsyncEnumerable<EpochSplitRow> Epochs(ExportScope scope) =>
        (from view in scope.WithData
         from epoch in view.OkEpochs
         from split in epoch.Splits
         select new EpochSplitRow(view.Run, epoch.Epoch, split.Name, epoch.Status, split.Samples, split.Correct, split.Accuracy, split.Loss))
        .ToAsyncEnumerable();

    public async IAsyncEnumerable<ClassEpochRow> ClassEpochsAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (part, aggregates) in AggregatesAsync(scope, epoch: null, cancellationToken))
        {
            var names = part.View.ClassNames;
            foreach (var c in aggregates.Classes)
                yield return new ClassEpochRow(part.View.Run, part.Epoch.Epoch, aggregates.Split, c.Index, names[c.Index], c.Labelled, c.Predicted, c.Correct, c.MeanScore);
        }
    }

    /// <param name="epoch">One epoch of each run, or every complete epoch when null.</param>
    public async IAsyncEnumerable<ConfusionCellRow> ConfusionAsync(ExportScope scope, long? epoch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (part, aggregates) in AggregatesAsync(scope, epoch, cancellationToken))
        {
            var names = part.View.ClassNames;
            for (var t = 0; t < aggregates.Confusion.Length; t++)
            for (var p = 0; p < aggregates.Confusion[t].Length; p++)
                if (aggregates.Confusion[t][p] is var count and > 0)
                    yield return new ConfusionCellRow(part.View.Run, part.Epoch.Epoch, aggregates.Split, t, names[t], p, names[p], count);
        }
    }

    /// <summary>
    /// Each run's suspects at <paramref name="epoch"/> (default: its last complete epoch that has the split) in
    /// <paramref name="split"/> (default: validation if the run has it, else its first split), as the suspects route
    /// ranks them. A run without that epoch or split has no rows.
    /// </summary>
    public async IAsyncEnumerable<SuspectRow> SuspectsAsync(ExportScope scope, long? epoch, string? split, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var view in scope.WithData)
        {
            var name = split ?? view.DefaultSplit!;
            var chosen = view.OkEpochs.Where(e => e.SplitIndex(name) >= 0 && (epoch is null || e.Epoch == epoch)).LastOrDefault();
            if (chosen is null) continue;
            var (top, _) = await suspects.RankAsync(view, chosen, name, limit, cancellationToken);
            var names = view.ClassNames;
            for (var i = 0; i < top.Count; i++)
            {
                var s = top[i];
                yield return new SuspectRow(view.Run, chosen.Epoch, name, i + 1, s.SampleId, names[s.Label], names[s.Likely], s.Aum, s.Confidence, s.Mispredictions);
            }
        }
    }

    sealed record EpochPart(RunView View, EpochRecord Epoch, int SplitIndex);

    /// <summary>Every split of every complete epoch in scope (or of one epoch) with its stored aggregates, in order, read ahead.</summary>
    IAsyncEnumerable<(EpochPart Part, Compute.SplitAggregates Aggregates)> AggregatesAsync(ExportScope scope, long? epoch, CancellationToken cancellationToken)
    {
        var parts = from view in scope.WithData
                    from e in view.OkEpochs
                    where epoch is null || e.Epoch == epoch
                    from index in Enumerable.Range(0, e.Splits.Count)
                    select new EpochPart(view, e, index);
        return ReadAhead.LoadAsync(parts, (part, ct) => columns.ScanAggregatesAsync(part.Epoch, part.SplitIndex, ct), AggregatesReadAhead, cancellationToken);
    }
}
