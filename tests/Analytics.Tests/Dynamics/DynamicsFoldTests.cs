using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class DynamicsFoldTests
{
    [Fact]
    public void Epochs_must_be_added_in_ascending_order()
    {
        var state = TinyRun.StateAt(4);
        Assert.Throws<InvalidOperationException>(() => DynamicsFold.Add(state, TinyRun.Epochs[1]));
    }

    [Fact]
    public void A_sample_missing_from_the_selected_epoch_keeps_its_history_for_later_ones()
    {
        var state = TinyRun.StateAt(3);
        Assert.Equal(["a", "b", "c", "d"], state.Ids);
        Assert.Equal([2, 2, 2, 1], state.Observed);
    }

    [Fact]
    public void Folding_never_changes_the_state_it_starts_from()
    {
        var before = TinyRun.StateAt(3);
        var observed = before.Observed.ToArray();
        DynamicsFold.Add(before, TinyRun.Epochs[2]);
        Assert.Equal(observed, before.Observed);
    }
}
