using System.Text.Json;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Parses and validates <c>{run}/run.json</c>. Every rejection is a <see cref="ContractViolationException"/>
/// whose reason starts with "run.json: ". Unknown properties are ignored, so the manifest can grow.
/// </summary>
public static class ManifestParser
{
    private const int MaxBytes = 1 << 20;

    public static RunManifest Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
            throw Fail($"larger than {MaxBytes / 1024} KiB");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw Fail($"not valid JSON ({exception.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Fail($"expected a JSON object, found {Describe(root.ValueKind)}");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
                if (!seen.Add(property.Name))
                    throw Fail($"property '{property.Name}' appears twice");

            return new RunManifest(
                OptionalString(root, "name"),
                Classes(root),
                Scores(root),
                OptionalString(root, "description"));
        }
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Fail($"'{name}' must be a string, not {Describe(value.ValueKind)}");
    }

    private static IReadOnlyList<string>? Classes(JsonElement root)
    {
        if (!root.TryGetProperty("classes", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw Fail($"'classes' must be an array of strings, not {Describe(value.ValueKind)}");
        var classes = new List<string>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            int index = classes.Count;
            if (item.ValueKind != JsonValueKind.String)
                throw Fail($"classes[{index}] must be a string, not {Describe(item.ValueKind)}");
            string name = item.GetString()!;
            if (string.IsNullOrWhiteSpace(name))
                throw Fail($"classes[{index}] is empty");
            if (name.Length > ContractLimits.MaxClassNameLength)
                throw Fail($"classes[{index}] is '{RowNames.Quote(name)}'; a class name has at most {ContractLimits.MaxClassNameLength} characters");
            if (!indexOf.TryAdd(name, index))
                throw Fail($"class '{name}' appears twice (classes[{indexOf[name]}] and classes[{index}])");
            if (index >= ContractLimits.MaxClasses)
                throw Fail($"more than {ContractLimits.MaxClasses} classes");
            classes.Add(name);
        }
        return classes.Count > 0 ? classes : throw Fail("'classes' is empty");
    }

    private static ScoreKind? Scores(JsonElement root)
    {
        if (!root.TryGetProperty("scores", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() switch
        {
            "probabilities" => ScoreKind.Probabilities,
            "logits" => ScoreKind.Logits,
            var other => throw Fail($"'scores' must be \"probabilities\" or \"logits\", not \"{other}\""),
        } : throw Fail($"'scores' must be \"probabilities\" or \"logits\", not {Describe(value.ValueKind)}");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ContractViolationException Fail(string reason) => new("run.json: " + reason);
}
