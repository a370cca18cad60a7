namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>Draws classes in proportion to their frequencies: uneven class sizes, and wrong classes that favour common ones.</summary>
internal sealed class ClassSampler
{
    private readonly double[] _cumulative;

    public ClassSampler(IReadOnlyList<double> frequencies)
    {
        _cumulative = new double[frequencies.Count];
        var total = frequencies.Sum();
        var running = 0.0;
        for (var k = 0; k < frequencies.Count; k++)
        {
            running += frequencies[k] / total;
            _cumulative[k] = running;
        }
    }

    private int Count => _cumulative.Length;

    private double Share(int k) => _cumulative[k] - (k == 0 ? 0 : _cumulative[k - 1]);

    /// <summary>
    /// Exactly proportional class counts (largest remainder; every class gets at least one sample when there
    /// are enough), in a seeded random order.
    /// </summary>
    public int[] Labels(int samples, long seed)
    {
        var counts = Quotas(samples);
        var labels = new int[samples];
        var next = 0;
        for (var k = 0; k < Count; k++)
            for (var j = 0; j < counts[k]; j++)
                labels[next++] = k;

        var random = new CounterRandom(seed, RandomPurpose.LabelOrder);
        for (var i = samples - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
        return labels;
    }

    /// <summary>A class other than <paramref name="excluded"/>, drawn by frequency.</summary>
    public int DrawOther(int excluded, ref CounterRandom random)
    {
        var u = random.NextDouble() * (1 - Share(excluded));
        for (var k = 0; k < Count; k++)
        {
            if (k == excluded)
                continue;
            u -= Share(k);
            if (u < 0)
                return k;
        }
        return excluded == Count - 1 ? Count - 2 : Count - 1;
    }

    private int[] Quotas(int samples)
    {
        var minimum = samples >= Count ? 1 : 0;
        var spare = samples - minimum * Count;
        var counts = new int[Count];
        var remainders = new (double Remainder, int Class)[Count];
        var assigned = 0;
        for (var k = 0; k < Count; k++)
        {
            var exact = spare * Share(k);
            counts[k] = minimum + (int)Math.Floor(exact);
            assigned += counts[k];
            remainders[k] = (exact - Math.Floor(exact), k);
        }
        // Ties go to the lower class index, so the counts never depend on sort stability.
        foreach (var (_, k) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Class).Take(samples - assigned))
            counts[k]++;
        return counts;
    }
}
