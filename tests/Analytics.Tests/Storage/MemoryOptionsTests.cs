using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Configuration;

namespace ClassVisCloud.Analytics.Tests.Storage;

public sealed class MemoryOptionsTests
{
    [Fact]
    public void Settings_in_MiB_set_the_budgets_and_missing_or_bad_ones_keep_the_defaults()
    {
        var configuration = new Settings(new()
        {
            ["Memory:CacheMiB"] = "89",
            ["Memory:AnswerCacheMiB"] = "-5",
            ["Memory:LoadMiB"] = "lots",
        });
        var options = MemoryOptions.Read(configuration);
        Assert.Equal(89L * 1024 * 1024, options.CacheBytes);
        Assert.Equal(new MemoryOptions().AnswerCacheBytes, options.AnswerCacheBytes);
        Assert.Equal(new MemoryOptions().LoadBytes, options.LoadBytes);
        Assert.Equal(new MemoryOptions(), MemoryOptions.Read(null));
    }

    [Fact]
    public void The_default_budgets_leave_room_for_the_runtime_within_a_2_GiB_instance()
    {
        var options = new MemoryOptions();
        Assert.InRange(options.CacheBytes + options.AnswerCacheBytes + options.LoadBytes, 1, 1024L * 1024 * 1024);
    }

    /// <summary>Flat settings, as environment variables give them (Memory__CacheMiB is read as Memory:CacheMiB).</summary>
    sealed class Settings(Dictionary<string, string?> values) : IConfiguration
    {
        public string? this[string key] { get => values.GetValueOrDefault(key); set => values[key] = value; }
        public IConfigurationSection GetSection(string key) => throw new NotSupportedException();
        public IEnumerable<IConfigurationSection> GetChildren() => [];
        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => throw new NotSupportedException();
    }
}
