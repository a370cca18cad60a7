namespace ClassVisCloud.Api.Tests.Description;

/// <summary>Files of the repository the tests run from (the folder holding ClassVisCloud.sln, above the test's output).</summary>
static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ClassVisCloud.sln above {AppContext.BaseDirectory}: the tests run from the repository's build output.");
    }
}
