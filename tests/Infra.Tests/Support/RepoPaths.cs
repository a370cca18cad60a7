using System.Reflection;

namespace ClassVisCloud.Infra.Tests.Support;

/// <summary>Where things are: the repository, the restored bicep binary, the Functions build output.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    /// <summary>The bicep binary restored by tools/bicep (path embedded at build time).</summary>
    public static string Bicep
    {
        get
        {
            var path = Metadata("BicepPath");
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The Bicep CLI is not at '{path}'. It comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 " +
                    "restored by tools/bicep: run 'dotnet restore tools/bicep' (or build tests/Infra.Tests, which references it).");
            }
            return path;
        }
    }

    /// <summary>
    /// src/Functions/bin/&lt;Configuration&gt;/net10.0/functions.metadata, written by the Functions
    /// worker SDK when src/Functions builds (this test project references it, so it builds first).
    /// </summary>
    public static string FunctionsMetadata
    {
        get
        {
            var bin = Path.Combine(Root, "src", "Functions", "bin");
            var preferred = Path.Combine(bin, Metadata("Configuration") ?? "Debug", "net10.0", "functions.metadata");
            if (File.Exists(preferred))
            {
                return preferred;
            }
            var any = Directory.Exists(bin)
                ? Directory.GetFiles(bin, "functions.metadata", SearchOption.AllDirectories)
                    .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "net10.0")
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault()
                : null;
            return any ?? throw new FileNotFoundException(
                $"No functions.metadata under {bin}/*/net10.0/. Build the Functions app first: 'dotnet build src/Functions' " +
                "(the solution build and tests/Infra.Tests' build do it).");
        }
    }

    private static string? Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClassVisCloud.sln")) && Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No ClassVisCloud.sln with infra/ above {AppContext.BaseDirectory}.");
    }
}
