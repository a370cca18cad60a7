using ClassVisCloud.Analytics.Queries.Exports;

namespace ClassVisCloud.Analytics.Tests.Queries.Exports;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task Items_come_in_order_with_at_most_the_window_of_loads_in_flight()
    {
        var inFlight = 0;
        var most = 0;
        var seen = new List<int>();
        await foreach (var (item, loaded) in ReadAhead.LoadAsync(Enumerable.Range(0, 50), async (i, ct) =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inFlight));
            await Task.Delay(50 - i, ct);
            Interlocked.Decrement(ref inFlight);
            return i * 10;
        }, window: 4))
        {
            Assert.Equal(item * 10, loaded);
            seen.Add(item);
        }
        Assert.Equal(Enumerable.Range(0, 50), seen);
        Assert.InRange(most, 2, 4);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_cancels_the_loads_ahead_and_none_outlives_the_scan()
    {
        var cancelled = 0;
        var started = 0;
        await foreach (var (item, _) in ReadAhead.LoadAsync(Enumerable.Range(0, 100), async (i, ct) =>
        {
            Interlocked.Increment(ref started);
            if (i == 0) return i;
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
            return i;
        }, window: 3))
        {
            Assert.Equal(0, item);
            break;
        }
        Assert.Equal(3, started);
        Assert.Equal(2, cancelled);
    }

    [Fact]
    public async Task A_window_below_one_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in ReadAhead.LoadAsync([1], (i, ct) => Task.FromResult(i), window: 0)) { }
        });
    }
}
