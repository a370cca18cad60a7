using ClassVisCloud.Analytics.Dynamics;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

public sealed class StateCodecTests
{
    [Fact]
    public void A_state_round_trips_through_its_bytes()
    {
        var state = TinyRun.StateAt(7);
        var back = StateCodec.Decode(StateCodec.Encode(state));
        Assert.Equal(state.Ids, back.Ids);
        Assert.Equal(state.IdsHash, back.IdsHash);
        Assert.Equal(state.LastEpoch, back.LastEpoch);
        Assert.Equal(state.Observed, back.Observed);
        Assert.Equal(state.Correct, back.Correct);
        Assert.Equal(state.Forgettings, back.Forgettings);
        Assert.Equal(state.LearnedSince, back.LearnedSince);
        Assert.Equal(state.MeanLabelProbability, back.MeanLabelProbability);
        Assert.Equal(state.SquaredDeviations, back.SquaredDeviations);
        Assert.Equal(state.MarginSum, back.MarginSum);
        Assert.Equal(state.LastLabel, back.LastLabel);
        Assert.Equal(state.LastLabelProbability, back.LastLabelProbability);
        Assert.Equal(state.LastProbabilityMargin, back.LastProbabilityMargin);
        Assert.Equal(state.Predictions.Offsets, back.Predictions.Offsets);
        Assert.Equal(state.Predictions.Classes, back.Predictions.Classes);
        Assert.Equal(state.Predictions.Counts, back.Predictions.Counts);
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_refused()
    {
        var bytes = StateCodec.Encode(TinyRun.StateAt(4));
        Assert.Throws<InvalidDataException>(() => StateCodec.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => StateCodec.Decode("not a state at all"u8));
    }
}
