using System.Collections.Concurrent;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>The compressed forms of a kept answer: each made once, under the memory budget, and counted with the answer.</summary>
internal sealed class CompressedForms(ImmutableCache answers, string key, MemoryBudget budget)
{
    readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> forms = new();

    public Task<byte[]> GetAsync(byte[] body, string encoding, CancellationToken cancellationToken) =>
        forms.GetOrAdd(encoding, e => new Lazy<Task<byte[]>>(() => CompressAsync(body, e))).Value.WaitAsync(cancellationToken);

    async Task<byte[]> CompressAsync(byte[] body, string encoding)
    {
        byte[] compressed;
        using (await budget.AcquireAsync(ResponseCompression.EstimatedBytes(body.Length))) compressed = ResponseCompression.Compress(body, encoding);
        answers.Grow(key, compressed.Length);
        return compressed;
    }
}
