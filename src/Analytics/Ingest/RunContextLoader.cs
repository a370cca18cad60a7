using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>What the contract needs to know of a run before it reads one more epoch of it.</summary>
public static class RunContextLoader
{
    public static async Task<ReadContext> LoadAsync(StorageClients storage, string run, long epoch, CancellationToken cancellationToken)
    {
        var runRecord = await storage.Runs.GetAsync(run, cancellationToken);
        var others = (await storage.Epochs.ListAsync(run, cancellationToken))
            .Where(e => e.Epoch != epoch && e.IsOk).ToList();
        var known = others.FirstOrDefault();
        return new ReadContext(epoch, runRecord?.Manifest, known?.ClassCount,
            others.Select(e => e.ClassNames).FirstOrDefault(n => n is not null));
    }
}
