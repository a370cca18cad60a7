using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class DynamicsChainTests
{
    static EpochRecord Epoch(long epoch, string version, params string[] splits) => new()
    {
        Run = "r", Epoch = epoch, Status = EpochStatus.Ok, Version = version, ClassCount = 3, ScoreKind = "probabilities",
        Splits = splits.Select(s => new SplitSummary(s, 10, 5, 0.5, "set")).ToList(),
    };

    static RunView Run(params EpochRecord[] epochs) => new() { Run = "r", Record = null, Epochs = epochs };

    static string[] Hashes(RunView run, long upTo, string split = "train") => DynamicsChain.Of(run, upTo, split).Select(l => l.Hash).ToArray();

    [Fact]
    public void The_chain_holds_the_complete_epochs_up_to_E_that_have_the_split()
    {
        var failed = Epoch(4, "v4", "train") with { Status = EpochStatus.Failed };
        var run = Run(Epoch(1, "v1", "train"), Epoch(2, "v2", "validation"), Epoch(3, "v3", "train", "validation"), failed, Epoch(6, "v6", "train"));
        Assert.Equal([1L, 3L], DynamicsChain.Of(run, 5, "train").Select(l => l.Epoch.Epoch));
        Assert.Equal(1, DynamicsChain.Of(run, 5, "validation")[1].SplitIndex);
    }

    [Fact]
    public void A_later_epoch_leaves_earlier_names_alone()
    {
        var before = Hashes(Run(Epoch(1, "v1", "train"), Epoch(3, "v3", "train")), 3);
        var after = Hashes(Run(Epoch(1, "v1", "train"), Epoch(3, "v3", "train"), Epoch(5, "v5", "train")), 5);
        Assert.Equal(before, after[..2]);
    }

    [Fact]
    public void An_epoch_that_arrives_late_or_is_replaced_renames_every_state_after_it()
    {
        var inOrder = Hashes(Run(Epoch(1, "v1", "train"), Epoch(3, "v3", "train"), Epoch(5, "v5", "train")), 5);
        var late = Hashes(Run(Epoch(1, "v1", "train"), Epoch(2, "v2", "train"), Epoch(3, "v3", "train"), Epoch(5, "v5", "train")), 5);
        var replaced = Hashes(Run(Epoch(1, "v1", "train"), Epoch(3, "v3b", "train"), Epoch(5, "v5", "train")), 5);
        Assert.Equal(inOrder[0], late[0]);
        Assert.Empty(inOrder[1..].Intersect(late));
        Assert.Equal(inOrder[0], replaced[0]);
        Assert.Empty(inOrder[1..].Intersect(replaced));
    }
}
