using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Dynamics;

/// <summary>One sample's outputs at one epoch, from a probability file (so the stored margin is the probability margin).</summary>
internal sealed record Seen(string Id, int Label, int Predicted, float LabelProbability, float Margin);

/// <summary>
/// A small run with hand-computable dynamics: 3 classes, epochs 1, 3, 4, 7 (sparse), samples a–e where d misses
/// epoch 3 and e first appears at epoch 4. The values in the tests below are worked out by hand from these rows.
/// </summary>
internal static class TinyRun
{
    public static readonly EpochInputs[] Epochs =
    [
        Epoch(1, new("a", 0, 1, 0.2f, -0.3f), new("b", 1, 1, 0.7f, 0.5f), new("c", 2, 0, 0.1f, -0.7f), new("d", 0, 0, 0.5f, 0.2f)),
        Epoch(3, new("a", 0, 0, 0.6f, 0.3f), new("b", 1, 2, 0.3f, -0.2f), new("c", 2, 0, 0.2f, -0.5f)),
        Epoch(4, new("a", 0, 0, 0.8f, 0.7f), new("b", 1, 1, 0.6f, 0.3f), new("c", 2, 1, 0.3f, -0.1f), new("d", 0, 0, 0.6f, 0.4f),
            new("e", 1, 2, 0.3f, -0.2f)),
        Epoch(7, new("a", 0, 0, 0.9f, 0.85f), new("b", 1, 1, 0.5f, 0.1f), new("c", 2, 0, 0.1f, -0.8f), new("d", 0, 2, 0.4f, -0.1f),
            new("e", 1, 1, 0.6f, 0.3f)),
    ];

    public static EpochInputs Epoch(long epoch, params Seen[] rows)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        return new EpochInputs
        {
            Epoch = epoch, SampleIds = ids, SetHash = ColumnCodec.SetHash(ids),
            Labels = rows.Select(r => r.Label).ToArray(), Predicted = rows.Select(r => r.Predicted).ToArray(),
            LabelProbability = rows.Select(r => r.LabelProbability).ToArray(), Margin = rows.Select(r => r.Margin).ToArray(),
            ProbabilityMargin = rows.Select(r => r.Margin).ToArray(),
        };
    }

    /// <summary>The state after the epochs up to <paramref name="epoch"/>, folded in order.</summary>
    public static DynamicsState StateAt(long epoch) =>
        Epochs.Where(e => e.Epoch <= epoch).Aggregate(DynamicsState.Empty, DynamicsFold.Add);

    /// <summary>The statistics of the samples of <paramref name="epoch"/>, as the route computes them.</summary>
    public static SampleDynamics At(long epoch)
    {
        var target = Epochs.Single(e => e.Epoch == epoch);
        return SampleDynamics.From(StateAt(epoch), "train", false, target.SampleIds, target.SetHash);
    }
}
