using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Arm;

namespace ClassVisCloud.Infra.Tests.Support;

/// <summary>
/// infra/main.bicep built and linted once for all tests (bicep takes a few seconds to start),
/// with its ARM JSON written to a temporary folder.
/// </summary>
public sealed class CompiledInfra : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cvc-infra-").FullName;

    public CompiledInfra()
    {
        var outFile = Path.Combine(_folder, "main.json");
        // Two processes side by side: bicep spends most of its time starting up.
        var lint = Task.Run(() => BicepCli.Run("lint", RepoPaths.MainBicep));
        Build = BicepCli.Run("build", RepoPaths.MainBicep, "--outfile", outFile);
        Lint = lint.GetAwaiter().GetResult();
        Template = File.Exists(outFile) ? JsonNode.Parse(File.ReadAllText(outFile))!.AsObject() : null;
    }

    public BicepCli.Result Build { get; }

    public BicepCli.Result Lint { get; }

    /// <summary>The compiled ARM template, or null when the build failed.</summary>
    public JsonObject? Template { get; }

    /// <summary>The template as deployed with these parameters (defaults for the others).</summary>
    public ArmDeployment Deploy(params (string Name, string Value)[] parameters)
    {
        Assert.True(Template is not null, $"bicep build failed:\n{Build.Output}");
        var values = parameters.ToDictionary(p => p.Name, p => (JsonNode?)JsonValue.Create(p.Value));
        values.TryAdd("environmentName", JsonValue.Create("cvc-test"));
        values.TryAdd("location", JsonValue.Create("swedencentral"));
        return ArmDeployment.Load(Template!, values);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled infra";
}
