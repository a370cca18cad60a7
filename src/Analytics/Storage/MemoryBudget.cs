namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// A per-process budget of bytes for loads in flight (building a million samples' answer, fetching score vectors,
/// compressing an answer): a semaphore counted in bytes. A load takes its estimate before it allocates and gives it
/// back when done, so parallel requests for different data wait their turn instead of all allocating at once.
/// Waiters are served in order (a large load is not overtaken forever by small ones); an estimate above the
/// capacity is cut to the capacity, so such a load runs alone. A lease must never be taken while holding another
/// (two holders could each wait for the other's bytes): take one lease per request, at its top.
/// </summary>
public sealed class MemoryBudget
{
    readonly object gate = new();
    readonly LinkedList<Waiter> waiters = new();
    long available;

    public MemoryBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        Capacity = capacityBytes;
        available = capacityBytes;
    }

    public long Capacity { get; }

    /// <summary>Bytes leased now.</summary>
    public long InUse { get { lock (gate) return Capacity - available; } }

    /// <summary>Loads waiting for bytes now.</summary>
    public int Waiting { get { lock (gate) return waiters.Count; } }

    /// <summary>Waits until <paramref name="bytes"/> (at least 1, at most the capacity) are free, and takes them.</summary>
    public async ValueTask<Lease> AcquireAsync(long bytes, CancellationToken cancellationToken = default)
    {
        bytes = Math.Clamp(bytes, 1, Capacity);
        Waiter waiter;
        lock (gate)
        {
            if (waiters.Count == 0 && available >= bytes)
            {
                available -= bytes;
                return new Lease(this, bytes);
            }
            cancellationToken.ThrowIfCancellationRequested();
            waiter = new Waiter(bytes);
            waiter.Node = waiters.AddLast(waiter);
        }
        await using (cancellationToken.Register(() => Abandon(waiter, cancellationToken)))
            await waiter.Granted.Task;
        return new Lease(this, bytes);
    }

    void Abandon(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Granted already: the lease is the caller's, who releases it.
            if (waiter.Node?.List is null) return;
            waiters.Remove(waiter.Node);
            // The first waiter leaving may let the next ones in.
            GrantWaiters();
        }
        waiter.Granted.TrySetCanceled(cancellationToken);
    }

    void Release(long bytes)
    {
        lock (gate)
        {
            available += bytes;
            GrantWaiters();
        }
    }

    void GrantWaiters()
    {
        while (waiters.First is { } first && available >= first.Value.Bytes)
        {
            waiters.RemoveFirst();
            available -= first.Value.Bytes;
            first.Value.Granted.TrySetResult();
        }
    }

    sealed class Waiter(long bytes)
    {
        public long Bytes => bytes;
        public LinkedListNode<Waiter>? Node;
        public readonly TaskCompletionSource Granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Bytes taken from the budget; disposing gives them back (once).</summary>
    public sealed class Lease : IDisposable
    {
        MemoryBudget? budget;

        internal Lease(MemoryBudget budget, long bytes) { this.budget = budget; Bytes = bytes; }

        public long Bytes { get; }

        public void Dispose() => Interlocked.Exchange(ref budget, null)?.Release(Bytes);
    }
}
