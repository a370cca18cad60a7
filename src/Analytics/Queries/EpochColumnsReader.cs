using System.Text.Json;
using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries;

/// <summary>Reads the packed columns of an epoch version through the cache (a version never changes).</summary>
public sealed class EpochColumnsReader(StorageClients storage, ImmutableCache cache)
{
    /// <summary>A column's raw bytes, uncached: callers cache what they decode from it.</summary>
    public async Task<byte[]> BytesAsync(EpochRecord epoch, int splitIndex, string column, CancellationToken cancellationToken = default)
    {
        var partition = Layout.DataPartition(epoch.Run, epoch.Epoch, epoch.Version!);
        var name = Layout.SplitColumn(splitIndex, column);
        return await storage.Data.ReadAsync(partition, name, cancellationToken)
            ?? throw new InvalidOperationException($"Column {name} of {partition} is missing.");
    }

    /// <summary>A decoded value derived from one column of one epoch version, cached.</summary>
    public Task<T> DecodedAsync<T>(EpochRecord epoch, int splitIndex, string column, Func<byte[], T> decode, Func<T, long> size, CancellationToken cancellationToken = default) where T : class =>
        cache.GetOrLoadAsync(CacheKey<T>(epoch, splitIndex, column), async () =>
        {
            var value = decode(await BytesAsync(epoch, splitIndex, column, cancellationToken));
            return (value, size(value));
        });

    public Task<int[]> ClassesAsync(EpochRecord epoch, int splitIndex, string column, CancellationToken cancellationToken = default) =>
        DecodedAsync(epoch, splitIndex, column, bytes => ColumnCodec.DecodeClasses(bytes), values => values.Length * 4L, cancellationToken);

    public Task<float[]> FloatsAsync(EpochRecord epoch, int splitIndex, string column, CancellationToken cancellationToken = default) =>
        DecodedAsync(epoch, splitIndex, column, bytes => ColumnCodec.DecodeFloats(bytes), values => values.Length * 4L, cancellationToken);

    static string CacheKey<T>(EpochRecord epoch, int splitIndex, string column) =>
        $"{Layout.DataPartition(epoch.Run, epoch.Epoch, epoch.Version!)}|{Layout.SplitColumn(splitIndex, column)}|{typeof(T).Name}";

    /// <summary>The split's exact aggregates (counts, confusion matrix, histograms) stored with the version.</summary>
    public Task<SplitAggregates> AggregatesAsync(EpochRecord epoch, int splitIndex, CancellationToken cancellationToken = default) =>
        DecodedAsync(epoch, splitIndex, Columns.Aggregates, DecodeAggregates, a => a.Classes.Length * (long)a.Classes.Length * 4 + 1024, cancellationToken);

    /// <summary>
    /// The aggregates for a scan over many epochs (the exports): from the cache when they are there, else read and
    /// decoded without being kept, so one export of a thousand epochs does not push the dashboard's working set out.
    /// </summary>
    public async Task<SplitAggregates> ScanAggregatesAsync(EpochRecord epoch, int splitIndex, CancellationToken cancellationToken = default) =>
        cache.TryGet<SplitAggregates>(CacheKey<SplitAggregates>(epoch, splitIndex, Columns.Aggregates), out var kept)
            ? kept
            : DecodeAggregates(await BytesAsync(epoch, splitIndex, Columns.Aggregates, cancellationToken));

    static SplitAggregates DecodeAggregates(byte[] bytes) => JsonSerializer.Deserialize<SplitAggregates>(bytes, Api.ApiResponse.Json)!;

    /// <summary>Bytes [offset, offset+length) of a column, without reading all of it (e.g. one sample's values).</summary>
    public Task<byte[]> RangeAsync(EpochRecord epoch, int splitIndex, string column, long offset, int length, CancellationToken cancellationToken = default) =>
        storage.Data.ReadRangeAsync(Layout.DataPartition(epoch.Run, epoch.Epoch, epoch.Version!), Layout.SplitColumn(splitIndex, column), offset, length, cancellationToken);
}
