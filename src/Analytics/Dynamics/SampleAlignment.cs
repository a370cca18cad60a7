namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// How the samples seen so far line up with a new epoch's samples: both lists are sorted ordinal, so one merge
/// gives their union and where each old and each new sample sits in it. Null maps mean "position i is i".
/// </summary>
public sealed record SampleAlignment(string[] Union, string UnionHash, int[]? OldIndexOf, int[]? EpochIndexOf)
{
    /// <summary>Aligns <paramref name="epochIds"/> with <paramref name="seenIds"/>; same hashes mean same lists.</summary>
    public static SampleAlignment Of(string[] seenIds, string seenHash, string[] epochIds, string epochHash)
    {
        if (seenHash == epochHash) return new SampleAlignment(seenIds, seenHash, null, null);
        var union = new List<string>(Math.Max(seenIds.Length, epochIds.Length));
        var oldIndex = new List<int>(union.Capacity);
        var epochIndex = new List<int>(union.Capacity);
        int i = 0, j = 0;
        while (i < seenIds.Length || j < epochIds.Length)
        {
            var c = i == seenIds.Length ? 1 : j == epochIds.Length ? -1 : string.CompareOrdinal(seenIds[i], epochIds[j]);
            union.Add(c <= 0 ? seenIds[i] : epochIds[j]);
            oldIndex.Add(c <= 0 ? i++ : -1);
            epochIndex.Add(c >= 0 ? j++ : -1);
        }
        // The union is one of the two lists whenever it is as long as it: keep that array (and its hash) as it is.
        if (union.Count == seenIds.Length) return new SampleAlignment(seenIds, seenHash, null, epochIndex.ToArray());
        if (union.Count == epochIds.Length) return new SampleAlignment(epochIds, epochHash, oldIndex.ToArray(), null);
        var merged = union.ToArray();
        return new SampleAlignment(merged, Storage.ColumnCodec.SetHash(merged), oldIndex.ToArray(), epochIndex.ToArray());
    }

    /// <summary>Positions in <paramref name="sortedIds"/> of each of <paramref name="subset"/> (sorted, all present).</summary>
    public static int[] PositionsOf(string[] subset, string[] sortedIds)
    {
        var positions = new int[subset.Length];
        for (int i = 0, j = 0; i < subset.Length; i++)
        {
            while (j < sortedIds.Length && string.CompareOrdinal(sortedIds[j], subset[i]) < 0) j++;
            if (j == sortedIds.Length || sortedIds[j] != subset[i])
                throw new InvalidOperationException($"Sample '{subset[i]}' is not among the samples the statistics cover.");
            positions[i] = j;
        }
        return positions;
    }
}
