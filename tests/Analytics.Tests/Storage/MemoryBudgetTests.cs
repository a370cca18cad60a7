using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Storage;

public sealed class MemoryBudgetTests
{
    [Fact]
    public async Task A_load_within_the_free_bytes_starts_at_once_and_gives_them_back_when_done()
    {
        var budget = new MemoryBudget(100);
        using (var lease = await budget.AcquireAsync(60))
        {
            Assert.Equal(60, lease.Bytes);
            Assert.Equal(60, budget.InUse);
        }
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task A_load_that_does_not_fit_waits_until_enough_bytes_are_given_back()
    {
        var budget = new MemoryBudget(100);
        var first = await budget.AcquireAsync(70);
        var second = budget.AcquireAsync(50).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, budget.Waiting);
        first.Dispose();
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(50, budget.InUse);
    }

    [Fact]
    public async Task Waiting_loads_are_served_in_order_so_a_large_one_is_not_overtaken_by_small_ones()
    {
        var budget = new MemoryBudget(100);
        var held = await budget.AcquireAsync(60);
        var large = budget.AcquireAsync(90).AsTask();
        var small = budget.AcquireAsync(10).AsTask();
        await Task.Delay(50);
        Assert.False(small.IsCompleted, "a small load fitting the free bytes still waits behind the large one");
        held.Dispose();
        var largeLease = await large.WaitAsync(TimeSpan.FromSeconds(5));
        using (var smallLease = await small.WaitAsync(TimeSpan.FromSeconds(5))) Assert.Equal(100, budget.InUse);
        largeLease.Dispose();
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task An_estimate_above_the_capacity_is_cut_to_it_and_runs_alone()
    {
        var budget = new MemoryBudget(100);
        using var lease = await budget.AcquireAsync(5_000);
        Assert.Equal(100, lease.Bytes);
        var other = budget.AcquireAsync(1).AsTask();
        await Task.Delay(50);
        Assert.False(other.IsCompleted);
        lease.Dispose();
        (await other.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_lets_the_next_one_in()
    {
        var budget = new MemoryBudget(100);
        using var held = await budget.AcquireAsync(50);
        using var cancel = new CancellationTokenSource();
        var blocked = budget.AcquireAsync(100, cancel.Token).AsTask();
        var next = budget.AcquireAsync(40).AsTask();
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        using var lease = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(90, budget.InUse);
        Assert.Equal(0, budget.Waiting);
    }

    [Fact]
    public async Task Disposing_a_lease_twice_gives_its_bytes_back_once()
    {
        var budget = new MemoryBudget(100);
        var lease = await budget.AcquireAsync(30);
        using var other = await budget.AcquireAsync(30);
        lease.Dispose();
        lease.Dispose();
        Assert.Equal(30, budget.InUse);
    }

    [Fact]
    public async Task However_many_loads_run_at_once_the_bytes_held_never_pass_the_capacity()
    {
        var budget = new MemoryBudget(1000);
        long held = 0, peak = 0;
        var random = new Random(3);
        var sizes = Enumerable.Range(0, 200).Select(_ => (long)random.Next(1, 400)).ToArray();
        await Task.WhenAll(sizes.Select(size => Task.Run(async () =>
        {
            using var lease = await budget.AcquireAsync(size);
            var now = Interlocked.Add(ref held, size);
            InterlockedMax(ref peak, now);
            await Task.Delay(1);
            Interlocked.Add(ref held, -size);
        })));
        Assert.InRange(peak, 1, 1000);
        Assert.Equal(0, budget.InUse);
    }

    static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }
}
