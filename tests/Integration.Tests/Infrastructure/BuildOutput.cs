namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>Finds files that building the solution writes (./test.sh builds it before testing).</summary>
public static class BuildOutput
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ClassVisCloud.sln not found above the test assembly.");
        }
    }

    /// <summary>The newest build of a file under src/{project}/bin/*/net10.0/.</summary>
    public static string Find(string project, string file)
    {
        var bin = Path.Combine(RepoRoot, "src", project, "bin");
        var found = Directory.Exists(bin)
            ? Directory.GetFiles(bin, file, SearchOption.AllDirectories).Where(f => f.Contains("net10.0")).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException($"{file} was not found under {bin}: build the solution first (dotnet build ClassVisCloud.sln).");
    }
}
