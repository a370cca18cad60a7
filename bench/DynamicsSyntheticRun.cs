using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Bench;

/// <summary>
/// Per-epoch inputs of a synthetic split, made in memory (a million samples × 100 epochs of stored columns would not
/// fit in Azurite): each sample has a label, a difficulty and two classes it is confused with; p(label) rises with the
/// epoch past the difficulty, with noise. Deterministic: a hash of (sample, epoch) drives everything.
/// </summary>
internal sealed class DynamicsSyntheticRun
{
    public int Samples { get; }
    public int Classes { get; }
    public int Epochs { get; }
    public string[] Ids { get; }
    public string SetHash { get; }
    public int[] Labels { get; }

    public DynamicsSyntheticRun(int samples, int classes, int epochs)
    {
        Samples = samples;
        Classes = classes;
        Epochs = epochs;
        Ids = Enumerable.Range(0, samples).Select(i => $"s-{i:D7}").ToArray();
        SetHash = ColumnCodec.SetHash(Ids);
        Labels = Enumerable.Range(0, samples).Select(i => (int)(Hash(i, 0) % (ulong)classes)).ToArray();
    }

    public EpochInputs Epoch(int epoch)
    {
        var predicted = new int[Samples];
        var labelProbability = new float[Samples];
        var margin = new float[Samples];
        var skill = (double)epoch / Epochs;
        Parallel.For(0, Samples, i =>
        {
            var difficulty = Unit(Hash(i, 1));
            var noise = Unit(Hash(i, 1000 + epoch)) - 0.5;
            var p = Math.Clamp(1 / (1 + Math.Exp(-8 * (skill - difficulty))) + 0.3 * noise, 0.001, 0.999);
            var other = (1 - p) * Unit(Hash(i, 2000 + epoch));
            var wrong = other > p;
            predicted[i] = wrong ? (Labels[i] + 1 + (int)(Hash(i, 2) % 2)) % Classes : Labels[i];
            labelProbability[i] = (float)p;
            margin[i] = (float)(p - other);
        });
        return new EpochInputs
        {
            Epoch = epoch, SampleIds = Ids, SetHash = SetHash, Labels = Labels, Predicted = predicted,
            LabelProbability = labelProbability, Margin = margin, ProbabilityMargin = margin,
        };
    }

    static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 of (sample, stream): independent values without a shared generator.</summary>
    static ulong Hash(int sample, int stream)
    {
        var z = ((ulong)sample << 20 ^ (ulong)stream) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
