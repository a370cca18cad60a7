using System.Collections.Concurrent;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// A bounded in-memory cache for data that never changes once written: epoch versions and id lists
/// are named by content, so a cached value is never stale. Evicts the least recently used entries
/// past a byte budget.
/// </summary>
public sealed class ImmutableCache(long budgetBytes = 512L * 1024 * 1024)
{
    sealed record Entry(object Value, long Bytes)
    {
        public long LastUsed;
    }

    readonly ConcurrentDictionary<string, Entry> entries = new();
    readonly ConcurrentDictionary<string, Lazy<Task<(object, long)>>> loading = new();
    long totalBytes;
    long clock;

    /// <summary>A value already loaded, without loading it (e.g. to find the newest of several usable entries).</summary>
    public bool TryGet<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class
    {
        value = entries.TryGetValue(key, out var hit) ? hit.Value as T : null;
        if (value is not null) hit!.LastUsed = Interlocked.Increment(ref clock);
        return value is not null;
    }

    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<(T Value, long Bytes)>> load) where T : class
    {
        if (entries.TryGetValue(key, out var hit))
        {
            hit.LastUsed = Interlocked.Increment(ref clock);
            return (T)hit.Value;
        }
        // One load per key even when many requests ask at once.
        var lazy = loading.GetOrAdd(key, _ => new Lazy<Task<(object, long)>>(async () => { var (v, b) = await load(); return (v, b); }));
        try
        {
            var (value, bytes) = await lazy.Value;
            if (entries.TryAdd(key, new Entry(value, bytes) { LastUsed = Interlocked.Increment(ref clock) }))
            {
                Interlocked.Add(ref totalBytes, bytes);
                Evict();
            }
            return (T)value;
        }
        finally { loading.TryRemove(key, out _); }
    }

    void Evict()
    {
        if (Interlocked.Read(ref totalBytes) <= budgetBytes) return;
        foreach (var (key, entry) in entries.OrderBy(e => e.Value.LastUsed))
        {
            if (Interlocked.Read(ref totalBytes) <= budgetBytes * 3 / 4) break;
            if (entries.TryRemove(key, out var removed)) Interlocked.Add(ref totalBytes, -removed.Bytes);
        }
    }
}
