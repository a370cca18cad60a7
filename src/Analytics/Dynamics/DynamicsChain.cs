using System.Security.Cryptography;
using System.Text;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>One logged epoch of a split in a chain, and the hash naming the chain up to it.</summary>
public sealed record DynamicsLink(EpochRecord Epoch, int SplitIndex, string Hash)
{
    public SplitSummary Summary => Epoch.Splits[SplitIndex];
}

/// <summary>
/// The logged epochs a split's statistics at E are made of: every complete epoch ≤ E holding the split, ascending.
/// Link i's hash covers links 1..i (epoch, data version, sample set), so a state named by it is exact for that
/// history and no other: an epoch that arrives late or is replaced renames every later state, never corrupts one.
/// </summary>
public static class DynamicsChain
{
    public static IReadOnlyList<DynamicsLink> Of(RunView run, long upTo, string split)
    {
        var links = new List<DynamicsLink>();
        var hash = split;
        foreach (var epoch in run.OkEpochs.Where(e => e.Epoch <= upTo).OrderBy(e => e.Epoch))
        {
            var index = epoch.SplitIndex(split);
            if (index < 0) continue;
            var seed = $"{hash}|{epoch.Epoch}|{epoch.Version}|{epoch.Splits[index].SetHash}|{epoch.ScoreKind}|{epoch.ClassCount}";
            hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
            links.Add(new DynamicsLink(epoch, index, hash));
        }
        return links;
    }
}
