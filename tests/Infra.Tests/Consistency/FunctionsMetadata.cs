using System.Text.Json.Nodes;

namespace ClassVisCloud.Infra.Tests.Consistency;

/// <summary>One function as the worker SDK declares it in functions.metadata.</summary>
public sealed record FunctionDeclaration(string Name, IReadOnlyList<JsonObject> Bindings)
{
    /// <summary>The trigger binding (type ending in "Trigger").</summary>
    public JsonObject? Trigger => Bindings.FirstOrDefault(b => TypeOf(b).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public string TriggerType => Trigger is { } t ? TypeOf(t) : "";

    public static string TypeOf(JsonObject binding) => (string?)binding["type"] ?? "";

    public static string? Text(JsonObject binding, string key) =>
        binding.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
            && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>Reads functions.metadata: a JSON array of { name, bindings: [...] }.</summary>
public static class FunctionsMetadata
{
    public static IReadOnlyList<FunctionDeclaration> Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonArray
            ?? throw new FormatException("functions.metadata is not a JSON array of functions.");
        return root.OfType<JsonObject>()
            .Select(f => new FunctionDeclaration(
                (string?)f["name"] ?? throw new FormatException("A function in functions.metadata has no name."),
                (f["bindings"] as JsonArray)?.OfType<JsonObject>().ToList() ?? []))
            .ToList();
    }

    public static IReadOnlyList<FunctionDeclaration> Load(string path) => Parse(File.ReadAllText(path));
}
