using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>
/// Encoded answers about immutable epoch versions, by ETag (which names every version an answer depends on, and
/// its content type, so a kept answer is never stale). An answer is built once however many ask for it at once
/// (16 readers of a million samples share one build), under the <see cref="MemoryBudget"/> (other builds wait
/// their turn), and kept, with its compressed forms, within a byte budget of its own.
/// </summary>
public sealed class AnswerCache(ImmutableCache answers, MemoryBudget budget)
{
    /// <summary>
    /// The answer with <paramref name="etag"/>, built by <paramref name="build"/> with <paramref name="estimatedBytes"/>
    /// taken from the budget. The build is shared: it does not stop when one caller stops waiting (<paramref name="cancellationToken"/>).
    /// </summary>
    public Task<ApiResponse> GetOrBuildAsync(string etag, string contentType, long estimatedBytes, Func<CancellationToken, Task<byte[]>> build, CancellationToken cancellationToken = default)
    {
        var key = "answer|" + etag;
        return answers.GetOrLoadAsync(key, async () =>
        {
            byte[] body;
            using (await budget.AcquireAsync(estimatedBytes)) body = await build(CancellationToken.None);
            return (new ApiResponse(200, body, contentType, etag) { Forms = new CompressedForms(answers, key, budget) }, body.Length + 512L);
        }, cancellationToken);
    }

    public long BudgetBytes => answers.BudgetBytes;

    /// <summary>Gives up to <paramref name="bytes"/> of the budget to an ingest, evicting the least recently used answers (<see cref="ImmutableCache.Reserve"/>).</summary>
    public IDisposable Reserve(long bytes) => answers.Reserve(bytes);

    /// <summary>Bytes of the answers kept now, with their compressed forms.</summary>
    public long TotalBytes => answers.TotalBytes;
}
