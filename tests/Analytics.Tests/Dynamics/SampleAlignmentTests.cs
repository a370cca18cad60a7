using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class SampleAlignmentTests
{
    static SampleAlignment Align(string[] seen, string[] epoch) => SampleAlignment.Of(seen, ColumnCodec.SetHash(seen), epoch, ColumnCodec.SetHash(epoch));

    [Fact]
    public void The_same_set_aligns_position_by_position()
    {
        var alignment = Align(["a", "b"], ["a", "b"]);
        Assert.Null(alignment.OldIndexOf);
        Assert.Null(alignment.EpochIndexOf);
    }

    [Fact]
    public void A_subset_keeps_the_seen_list_and_maps_the_epoch_into_it()
    {
        var seen = new[] { "a", "b", "c" };
        var alignment = Align(seen, ["a", "c"]);
        Assert.Same(seen, alignment.Union);
        Assert.Null(alignment.OldIndexOf);
        Assert.Equal([0, -1, 1], alignment.EpochIndexOf!);
    }

    [Fact]
    public void New_samples_grow_the_union_in_ordinal_order_with_its_own_hash()
    {
        var alignment = Align(["a", "c"], ["B", "c", "d"]);
        Assert.Equal(["B", "a", "c", "d"], alignment.Union);  // ordinal: uppercase first
        Assert.Equal([-1, 0, 1, -1], alignment.OldIndexOf!);
        Assert.Equal([0, -1, 1, 2], alignment.EpochIndexOf!);
        Assert.Equal(ColumnCodec.SetHash(["B", "a", "c", "d"]), alignment.UnionHash);
    }

    [Fact]
    public void Positions_of_a_subset_are_found_by_one_merge()
    {
        Assert.Equal([1, 3], SampleAlignment.PositionsOf(["b", "d"], ["a", "b", "c", "d"]));
        Assert.Throws<InvalidOperationException>(() => SampleAlignment.PositionsOf(["x"], ["a"]));
    }
}
