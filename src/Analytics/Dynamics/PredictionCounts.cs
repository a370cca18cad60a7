namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// How often each sample was predicted as each class, kept sparse: a sample's entries are
/// <c>[Offsets[s], Offsets[s+1])</c> of <see cref="Classes"/> (ascending) and <see cref="Counts"/>. Over many
/// epochs a sample is predicted as a few classes only, so this stays a few entries per sample at any C.
/// </summary>
public sealed class PredictionCounts(int[] offsets, int[] classes, int[] counts)
{
    public int[] Offsets => offsets;
    public int[] Classes => classes;
    public int[] Counts => counts;

    public int SampleCount => offsets.Length - 1;

    public static PredictionCounts Empty { get; } = new([0], [], []);

    /// <summary>The class predicted most often; a tie goes to the lowest class index; -1 when never predicted.</summary>
    public int MostFrequent(int sample)
    {
        int best = -1, bestCount = 0;
        for (var e = offsets[sample]; e < offsets[sample + 1]; e++)
            if (counts[e] > bestCount) { best = classes[e]; bestCount = counts[e]; }
        return best;
    }

    /// <summary>
    /// The counts over a new list of samples: sample s takes the entries of old sample <c>oldIndexOf[s]</c> (none when
    /// −1; itself when the map is null) plus one for class <c>predicted[epochIndexOf[s]]</c> when it is in the epoch.
    /// </summary>
    public PredictionCounts Add(int sampleCount, int[]? oldIndexOf, int[]? epochIndexOf, int[] predicted)
    {
        var nextOffsets = new int[sampleCount + 1];
        var nextClasses = new int[classes.Length + predicted.Length];
        var nextCounts = new int[nextClasses.Length];
        var written = 0;
        for (var s = 0; s < sampleCount; s++)
        {
            var old = oldIndexOf is null ? s : oldIndexOf[s];
            var at = epochIndexOf is null ? s : epochIndexOf[s];
            var added = at < 0 ? -1 : predicted[at];
            var (from, to) = old < 0 ? (0, 0) : (offsets[old], offsets[old + 1]);
            for (var e = from; e < to; e++)
            {
                if (added >= 0 && added < classes[e]) { nextClasses[written] = added; nextCounts[written++] = 1; added = -1; }
                nextClasses[written] = classes[e];
                nextCounts[written] = counts[e];
                if (classes[e] == added) { nextCounts[written]++; added = -1; }
                written++;
            }
            if (added >= 0) { nextClasses[written] = added; nextCounts[written++] = 1; }
            nextOffsets[s + 1] = written;
        }
        Array.Resize(ref nextClasses, written);
        Array.Resize(ref nextCounts, written);
        return new PredictionCounts(nextOffsets, nextClasses, nextCounts);
    }
}
