using System.Runtime.CompilerServices;

namespace ClassVisCloud.Analytics.Queries.Exports;

/// <summary>
/// Loads items in order with a few loads in flight ahead of the one being consumed: a scan of a thousand epochs
/// waits for storage about once, not a thousand times, and holds at most <c>window</c> loaded items at a time.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<(T Item, TResult Loaded)> LoadAsync<T, TResult>(IEnumerable<T> items, Func<T, CancellationToken, Task<TResult>> load,
        int window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        // Loads left behind by a consumer that stops early are cancelled here, and awaited so none outlives the scan.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<(T Item, Task<TResult> Load)>();
        using var source = items.GetEnumerator();
        try
        {
            while (true)
            {
                while (pending.Count < window && source.MoveNext()) pending.Enqueue((source.Current, load(source.Current, stop.Token)));
                if (pending.Count == 0) yield break;
                var (item, next) = pending.Dequeue();
                yield return (item, await next);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var (_, left) in pending)
                try { await left; } catch { /* abandoned: nobody wants its result or its failure */ }
        }
    }
}
