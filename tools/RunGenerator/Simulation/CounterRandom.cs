namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// A random stream keyed by (seed, purpose, a, b): the same key always gives the same numbers, whatever
/// order or thread asks. That is what makes a run byte-identical for a seed while rows are generated
/// in parallel and any epoch can be generated on its own.
/// </summary>
public struct CounterRandom
{
    private ulong _state;

    public CounterRandom(long seed, RandomPurpose purpose, long a = 0, long b = 0)
    {
        // Chained finalisers decorrelate neighbouring keys (sample 7 and 8, epoch 3 and 4).
        var key = Mix((ulong)seed ^ 0x243F6A8885A308D3UL);
        key = Mix(key ^ (ulong)purpose);
        key = Mix(key ^ (ulong)a);
        _state = Mix(key ^ (ulong)b);
    }

    /// <summary>The next 64 random bits (SplitMix64).</summary>
    public ulong NextBits()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => (int)((NextBits() >> 32) * (ulong)maxExclusive >> 32);

    /// <summary>
    /// Approximately standard normal (Irwin–Hall of four 16-bit uniforms, rescaled to variance 1):
    /// one hash per draw instead of Box–Muller's log and trigonometry, which matters at 70 million draws per epoch.
    /// </summary>
    public float NextGaussian()
    {
        var bits = NextBits();
        var sum = (int)(bits & 0xFFFF) + (int)((bits >> 16) & 0xFFFF) + (int)((bits >> 32) & 0xFFFF) + (int)(bits >> 48);
        const float scale = 1.7320508f / 65536f; // sqrt(3): the sum of four U(0,1) has variance 1/3
        return (sum - 2 * 65536) * scale;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>What a random stream is for; each purpose gets numbers unrelated to the others'.</summary>
public enum RandomPurpose
{
    LabelOrder = 1,
    Hardness = 2,
    LabelNoise = 3,
    EpochScores = 4,
    Document = 5,
    Attention = 6,
}
