using System.Text.Json;
using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>Writes one version of one epoch: packed columns, shared id lists and the "wrong" bitmaps.</summary>
public static class EpochWriter
{
    static readonly JsonSerializerOptions Json = StoredJson.Options;

    /// <summary>Writes everything the version needs and returns the per-split summaries for the epoch row.</summary>
    /// <param name="stages">Gets "compute" (derived columns, aggregates, encodings), then "matrix" (the probability
    /// blobs) and "tables" (every entity), which run at the same time, each timed from its start to its end.</param>
    public static async Task<List<SplitSummary>> WriteAsync(StorageClients storage, string run, long epoch, string version,
        EpochPredictions predictions, IngestStages stages, CancellationToken cancellationToken) =>
        await WriteAsync(storage, run, epoch, version, predictions, stages, null, null, cancellationToken);

    /// <param name="staging">The large matrices already staged while the file was read: committed here.</param>
    /// <param name="ids">The id sets' hashes and lists, started while the file was read: awaited here.</param>
    internal static async Task<List<SplitSummary>> WriteAsync(StorageClients storage, string run, long epoch, string version,
        EpochPredictions predictions, IngestStages stages, MatrixStaging? staging, IdsStaging? ids, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, byte[]>();
        var summaries = new List<SplitSummary>();
        var tableWrites = new List<Func<Task>>();
        var splits = await stages.MeasureAsync(IngestStages.Compute, async () =>
        {
            // The id sets' hashes (a pass over every id) on the second core while the first derives the columns, unless
            // they were started during the read, with their lists' writes.
            var staged = predictions.Splits.Select((split, s) => ids?.Of(s) ?? IdsStaging.Start(storage, run, split.SampleIds, cancellationToken)).ToArray();
            var computed = new List<SplitColumns>();
            for (var s = 0; s < predictions.Splits.Count; s++)
            {
                var split = SplitColumns.From(predictions.Splits[s], predictions.ClassCount);
                var aggregates = SplitAggregates.From(split);
                var setHash = await staged[s].SetHash;
                columns[Layout.SplitColumn(s, Columns.Labels)] = ColumnCodec.EncodeClasses(split.Labels);
                columns[Layout.SplitColumn(s, Columns.Predicted)] = ColumnCodec.EncodeClasses(split.Predicted);
                columns[Layout.SplitColumn(s, Columns.Score)] = ColumnCodec.EncodeFloats(split.Score);
                columns[Layout.SplitColumn(s, Columns.LabelProbability)] = ColumnCodec.EncodeFloats(split.LabelProbability);
                columns[Layout.SplitColumn(s, Columns.Margin)] = ColumnCodec.EncodeFloats(split.Margin);
                columns[Layout.SplitColumn(s, Columns.Aggregates)] = JsonSerializer.SerializeToUtf8Bytes(aggregates, Json);
                summaries.Add(new SplitSummary(split.Split, aggregates.Samples, aggregates.Correct, aggregates.Loss, setHash));
                var idsWritten = staged[s].Written;
                tableWrites.Add(() => idsWritten);
                var bitmap = ColumnCodec.EncodeBitmap(split.Count, split.IsWrong);
                tableWrites.Add(() => storage.Bits.WriteAsync(Layout.BitsPartition(run, split.Split),
                    new Dictionary<string, byte[]> { [Layout.BitsColumn(epoch, version, setHash)] = bitmap }, cancellationToken));
                computed.Add(split);
            }
            tableWrites.Add(() => storage.Data.WriteAsync(Layout.DataPartition(run, epoch, version), columns, cancellationToken));
            return computed;
        });
        var matrices = stages.MeasureAsync(IngestStages.Matrix, () => Task.WhenAll(splits.Select((split, s) =>
            staging?.Of(s) is { } staged
                ? staged.CommitAsync(cancellationToken)
                : storage.Matrices.WriteAsync(MatrixStore.Path(run, epoch, version, s), split.Probabilities, predictions.ClassCount, cancellationToken))));
        var tables = stages.MeasureAsync(IngestStages.Tables, () => Task.WhenAll(tableWrites.Select(write => write())));
        await Task.WhenAll(matrices, tables);
        return summaries;
    }

    /// <summary>Removes a version that is no longer current (after a replace), bitmaps included.</summary>
    public static async Task DeleteAsync(StorageClients storage, EpochRecord old, CancellationToken cancellationToken)
    {
        if (old.Version is null) return;
        await storage.Data.DeletePartitionAsync(Layout.DataPartition(old.Run, old.Epoch, old.Version), cancellationToken);
        await storage.Matrices.DeleteVersionAsync(old.Run, old.Epoch, old.Version, cancellationToken);
        foreach (var split in old.Splits)
            await storage.Bits.DeleteColumnAsync(Layout.BitsPartition(old.Run, split.Name), Layout.BitsColumn(old.Epoch, old.Version, split.SetHash), cancellationToken);
    }
}
