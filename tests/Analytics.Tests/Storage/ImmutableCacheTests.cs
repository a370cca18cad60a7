using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Storage;

public sealed class ImmutableCacheTests
{
    [Fact]
    public async Task Sixteen_requests_for_the_same_key_at_once_share_one_load()
    {
        var cache = new ImmutableCache(1000);
        var loads = 0;
        var gate = new TaskCompletionSource();
        var requests = Enumerable.Range(0, 16).Select(_ => cache.GetOrLoadAsync("split", async () =>
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return (new byte[10], 10L);
        })).ToList();
        gate.SetResult();
        var values = await Task.WhenAll(requests);
        Assert.Equal(1, loads);
        Assert.All(values, v => Assert.Same(values[0], v));
        Assert.Equal(10, cache.TotalBytes);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_stop_the_load_the_others_wait_for()
    {
        var cache = new ImmutableCache(1000);
        var gate = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();
        Task<byte[]> Load(CancellationToken token) => cache.GetOrLoadAsync("k", async () => { await gate.Task; return (new byte[5], 5L); }, token);
        var leaving = Load(cancel.Token);
        var staying = Load(CancellationToken.None);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gate.SetResult();
        Assert.Equal(5, (await staying).Length);
        Assert.True(cache.TryGet<byte[]>("k", out _));
    }

    [Fact]
    public async Task A_failed_load_is_tried_again_by_the_next_request()
    {
        var cache = new ImmutableCache(1000);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrLoadAsync<byte[]>("k", () => throw new InvalidOperationException("storage down")));
        var value = await cache.GetOrLoadAsync("k", () => Task.FromResult((new byte[3], 3L)));
        Assert.Equal(3, value.Length);
    }

    [Fact]
    public async Task Past_its_byte_budget_it_evicts_the_least_recently_used_entries()
    {
        var cache = new ImmutableCache(100);
        foreach (var key in new[] { "a", "b", "c" }) await cache.GetOrLoadAsync(key, () => Task.FromResult((new object(), 30L)));
        Assert.True(cache.TryGet<object>("a", out _)); // a is now the most recently used
        await cache.GetOrLoadAsync("d", () => Task.FromResult((new object(), 30L)));
        Assert.True(cache.TryGet<object>("a", out _));
        Assert.False(cache.TryGet<object>("b", out _));
        Assert.InRange(cache.TotalBytes, 0, 100);
    }

    [Fact]
    public void An_entry_that_grows_counts_its_new_bytes_and_can_push_others_out()
    {
        var cache = new ImmutableCache(100);
        Assert.True(cache.Add("old", new object(), 40));
        Assert.True(cache.Add("answer", new object(), 40));
        Assert.False(cache.Add("answer", new object(), 40));
        cache.Grow("answer", 30);
        Assert.False(cache.TryGet<object>("old", out _));
        Assert.True(cache.TryGet<object>("answer", out _));
        Assert.Equal(70, cache.TotalBytes);
        cache.Grow("gone", 1_000);
        Assert.Equal(70, cache.TotalBytes);
    }

    [Fact]
    public void A_reservation_evicts_the_least_recently_used_to_make_its_room_and_gives_the_budget_back_when_disposed()
    {
        var cache = new ImmutableCache(1000);
        for (var i = 0; i < 5; i++) cache.Add($"k{i}", new object(), 150);
        Assert.True(cache.TryGet<object>("k0", out _)); // k0 is now the most recently used

        using (cache.Reserve(600))
        {
            Assert.True(cache.TotalBytes <= 400);
            Assert.True(cache.TryGet<object>("k0", out _));
            Assert.False(cache.TryGet<object>("k1", out _));
            cache.Add("during", new object(), 300); // past the 400 allowed now: evicts again
            Assert.True(cache.TotalBytes <= 400);
        }

        for (var i = 0; i < 3; i++) cache.Add($"after{i}", new object(), 150);
        Assert.True(cache.TotalBytes > 400);
        Assert.True(cache.TotalBytes <= 1000);
    }
}
