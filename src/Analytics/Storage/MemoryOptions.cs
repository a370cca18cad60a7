using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// The process's fixed memory budget, whatever the number of requests: decoded data kept (<see cref="CacheBytes"/>),
/// encoded answers kept (<see cref="AnswerCacheBytes"/>) and loads in flight (<see cref="LoadBytes"/>). The defaults
/// keep the API under 2 GiB on a Flex Consumption instance (2,048 MB) with room for the runtime and an ingest.
/// Settings (MiB): <c>Memory__CacheMiB</c>, <c>Memory__AnswerCacheMiB</c>, <c>Memory__LoadMiB</c>.
/// </summary>
public sealed record MemoryOptions
{
    const long MiB = 1024 * 1024;

    /// <summary>Decoded columns, sample-id lists, probability-matrix chunks, training-dynamics states.</summary>
    public long CacheBytes { get; init; } = 448 * MiB;

    /// <summary>Encoded answers of immutable epoch versions (and their compressed forms), by ETag.</summary>
    public long AnswerCacheBytes { get; init; } = 192 * MiB;

    /// <summary>Bytes that loads in flight may hold at once (<see cref="MemoryBudget"/>).</summary>
    public long LoadBytes { get; init; } = 384 * MiB;

    public static MemoryOptions Read(IConfiguration? configuration)
    {
        var defaults = new MemoryOptions();
        if (configuration is null) return defaults;
        long Size(string key, long fallback) =>
            long.TryParse(configuration[$"Memory:{key}"], NumberStyles.None, CultureInfo.InvariantCulture, out var mib) && mib > 0 ? mib * MiB : fallback;
        return new MemoryOptions
        {
            CacheBytes = Size("CacheMiB", defaults.CacheBytes),
            AnswerCacheBytes = Size("AnswerCacheMiB", defaults.AnswerCacheBytes),
            LoadBytes = Size("LoadMiB", defaults.LoadBytes),
        };
    }
}
