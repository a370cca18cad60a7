namespace ClassVisCloud.Analytics.Tests;

/// <summary>
/// The domain (ClassVisCloud.Analytics) is read by the HTTP layer (ClassVisCloud.Api) and the hosts, never the other
/// way round: no status codes, ETags or request types in it. The compiled assembly's references are the proof.
/// </summary>
public sealed class LayerTests
{
    static readonly string[] Forbidden = ["Microsoft.AspNetCore", "Microsoft.Azure.Functions", "ClassVisCloud.Api", "ClassVisCloud.Functions", "ClassVisCloud.DevHost"];

    [Fact]
    public void Analytics_references_no_web_framework_no_functions_and_no_api()
    {
        var references = typeof(AnalyticsServices).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var offending = references.Where(name => Forbidden.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))).ToList();
        Assert.True(offending.Count == 0, $"ClassVisCloud.Analytics references {string.Join(", ", offending)}: move that code to src/Api (or a host).");
    }

    [Fact]
    public void The_check_sees_the_assemblies_that_are_referenced()
    {
        // Guards the test above against passing vacuously: the domain's real dependencies are listed.
        var references = typeof(AnalyticsServices).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("Azure.Data.Tables", references);
        Assert.Contains("Apache.Arrow", references);
    }
}
