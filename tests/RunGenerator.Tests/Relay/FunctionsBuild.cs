namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>Files of the Functions app's build (this project references src/Functions, so it is built first).</summary>
public static class FunctionsBuild
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ClassVisCloud.sln not found above the test assembly.");
        }
    }

    /// <summary>The newest src/Functions/bin/*/net10.0/{file}: functions.metadata, extensions.json.</summary>
    public static string File(string file)
    {
        var bin = Path.Combine(RepoRoot, "src", "Functions", "bin");
        var found = Directory.Exists(bin)
            ? Directory.GetFiles(bin, file, SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "net10.0")
                .OrderByDescending(System.IO.File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException($"{file} was not found under {bin}/*/net10.0: build src/Functions first.");
    }
}
