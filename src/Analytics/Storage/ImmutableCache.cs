using System.Collections.Concurrent;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// A bounded in-memory cache for data that never changes once written: epoch versions and id lists
/// are named by content, so a cached value is never stale. Evicts the least recently used entries
/// past a byte budget. One load per key however many ask at once (single-flight).
/// </summary>
public sealed class ImmutableCache(long budgetBytes = 512L * 1024 * 1024)
{
    sealed class Entry(object value, long bytes)
    {
        public object Value => value;
        public long Bytes = bytes;
        public long LastUsed;
    }

    readonly ConcurrentDictionary<string, Entry> entries = new();
    readonly ConcurrentDictionary<string, Lazy<Task<object>>> loading = new();
    readonly object evicting = new();
    long totalBytes;
    long reservedBytes;
    long clock;

    public long BudgetBytes => budgetBytes;

    /// <summary>The budget less what work in progress has reserved (<see cref="Reserve"/>).</summary>
    long Allowed => Math.Max(0, budgetBytes - Interlocked.Read(ref reservedBytes));

    /// <summary>
    /// Gives up to <paramref name="bytes"/> of the budget to work that is about to allocate them (an ingest), evicting
    /// the least recently used entries to make the room, until the reservation is disposed: the process then holds its
    /// cache and that work within one budget instead of the cache's budget plus the work.
    /// </summary>
    public IDisposable Reserve(long bytes)
    {
        bytes = Math.Clamp(bytes, 0, budgetBytes);
        Interlocked.Add(ref reservedBytes, bytes);
        Evict(toAllowed: true);
        return new Reservation(this, bytes);
    }

    sealed class Reservation(ImmutableCache cache, long bytes) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) Interlocked.Add(ref cache.reservedBytes, -bytes);
        }
    }

    /// <summary>Bytes held now (the sizes the loads reported).</summary>
    public long TotalBytes => Interlocked.Read(ref totalBytes);

    /// <summary>A value already loaded, without loading it (e.g. to find the newest of several usable entries).</summary>
    public bool TryGet<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class
    {
        value = entries.TryGetValue(key, out var hit) ? hit.Value as T : null;
        if (value is not null) hit!.LastUsed = Interlocked.Increment(ref clock);
        return value is not null;
    }

    /// <summary>
    /// The value of <paramref name="key"/>, loaded once however many ask at once. The load runs to its end even
    /// when a caller stops waiting (<paramref name="waitCancellation"/>): the others, and the cache, still want it.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<(T Value, long Bytes)>> load, CancellationToken waitCancellation = default) where T : class
    {
        if (entries.TryGetValue(key, out var hit))
        {
            hit.LastUsed = Interlocked.Increment(ref clock);
            return (T)hit.Value;
        }
        Lazy<Task<object>>? mine = null;
        mine = new Lazy<Task<object>>(() => LoadAsync(key, load, mine!));
        var task = loading.GetOrAdd(key, mine).Value;
        return (T)await (waitCancellation.CanBeCanceled ? task.WaitAsync(waitCancellation) : task);
    }

    async Task<object> LoadAsync<T>(string key, Func<Task<(T Value, long Bytes)>> load, Lazy<Task<object>> self) where T : class
    {
        try
        {
            var (value, bytes) = await load();
            Add(key, value, bytes);
            return value;
        }
        finally { loading.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, self)); }
    }

    /// <summary>Keeps a value loaded by other means (e.g. one of several chunks a single read brought); false when the key is held already.</summary>
    public bool Add(string key, object value, long bytes)
    {
        if (!entries.TryAdd(key, new Entry(value, bytes) { LastUsed = Interlocked.Increment(ref clock) })) return false;
        Interlocked.Add(ref totalBytes, bytes);
        Evict();
        return true;
    }

    /// <summary>Counts more bytes against an entry that grew (an answer that gained a compressed form); nothing if it is gone.</summary>
    public void Grow(string key, long bytes)
    {
        lock (evicting)
        {
            if (!entries.TryGetValue(key, out var entry)) return;
            entry.Bytes += bytes;
            Interlocked.Add(ref totalBytes, bytes);
        }
        Evict();
    }

    /// <summary>
    /// Past the allowed bytes, evicts the least recently used entries down to three quarters of them (so the next few
    /// additions evict nothing), or, for a reservation, just down to them.
    /// </summary>
    void Evict(bool toAllowed = false)
    {
        if (Interlocked.Read(ref totalBytes) <= Allowed) return;
        lock (evicting)
        {
            var allowed = Allowed;
            if (Interlocked.Read(ref totalBytes) <= allowed) return;
            var target = toAllowed ? allowed : allowed * 3 / 4;
            foreach (var (key, entry) in entries.ToArray().OrderBy(e => e.Value.LastUsed))
            {
                if (Interlocked.Read(ref totalBytes) <= target) break;
                // Under the lock Grow takes: an entry is removed with the size it had, and a Grow after finds none.
                if (entries.TryRemove(new KeyValuePair<string, Entry>(key, entry))) Interlocked.Add(ref totalBytes, -entry.Bytes);
            }
        }
    }
}
