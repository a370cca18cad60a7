namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>Finds the repository (the folder holding ClassVisCloud.sln) and the test data in it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no ClassVisCloud.sln above {AppContext.BaseDirectory}");
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>The real training run, trimmed, in tests/data (see its README).</summary>
    public static string FortunesHan => Path.Combine(RepositoryRoot, "tests", "data", "fortunes-han");

    /// <summary>Files written by other Parquet writers (tests/fixtures/make-fixtures.mjs).</summary>
    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "fixtures");
}
