using System.Text.Json;
using ClassVisCloud.RunGenerator.Relay;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>The function the relay targets by default is the Functions app's blob trigger, as the build declares it.</summary>
public sealed class RelayTargetTests
{
    private static JsonElement Function(string name) =>
        JsonDocument.Parse(File.ReadAllText(FunctionsBuild.File("functions.metadata"))).RootElement.EnumerateArray()
            .SingleOrDefault(f => f.GetProperty("name").GetString() == name);

    [Fact]
    public void The_default_webhook_names_the_apps_Event_Grid_blob_trigger_on_the_runs_container()
    {
        var function = Function(RelayDefaults.FunctionName);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function {RelayDefaults.FunctionName}");
        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "blobTrigger");
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal(RelayDefaults.Container + "/{name}", trigger.GetProperty("path").GetString());

        Assert.Equal("http://localhost:7071/runtime/webhooks/blobs?functionName=Host.Functions." + function.GetProperty("name").GetString(),
            RelayDefaults.WebhookUrl().AbsoluteUri);
    }
}
