using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class BicepBuildTests(CompiledInfra infra)
{
    [Fact]
    public void Main_bicep_builds_offline_with_no_warning()
    {
        Assert.True(infra.Build.ExitCode == 0, $"bicep build failed:\n{infra.Build.Output}");
        Assert.True(infra.Build.Diagnostics.Count == 0, $"bicep build reported:\n{string.Join('\n', infra.Build.Diagnostics)}");
        Assert.NotNull(infra.Template);
    }

    [Fact]
    public void Main_bicep_lints_clean()
    {
        Assert.True(infra.Lint.ExitCode == 0, $"bicep lint failed:\n{infra.Lint.Output}");
        Assert.True(infra.Lint.Diagnostics.Count == 0, $"bicep lint reported:\n{string.Join('\n', infra.Lint.Diagnostics)}");
    }

    [Fact]
    public void Every_module_is_local_so_the_build_needs_no_registry()
    {
        var remote = Directory.GetFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Contains("'br:", StringComparison.Ordinal) || x.line.Contains("'br/", StringComparison.Ordinal) || x.line.Contains("'ts:", StringComparison.Ordinal) || x.line.Contains("'ts/", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(remote.Count == 0, $"registry modules cannot be restored offline:\n{string.Join('\n', remote)}");
    }
}
