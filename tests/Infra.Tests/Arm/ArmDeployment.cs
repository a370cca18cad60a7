using System.Text.Json.Nodes;

namespace ClassVisCloud.Infra.Tests.Arm;

/// <summary>One resource of a compiled template, nested deployments (Bicep modules) flattened.</summary>
/// <param name="Type">Resource type, e.g. Microsoft.Storage/storageAccounts.</param>
/// <param name="Name">Evaluated name (may hold «unresolved» parts).</param>
/// <param name="Module">Path of the module that declares it ("" for the main template, "api", ...).</param>
/// <param name="Deployed">True or false when known offline; null when it depends on a live value.</param>
/// <param name="Json">The resource with every expression evaluated as far as possible offline.</param>
public sealed record ArmResource(string Type, string Name, string Module, bool? Deployed, JsonObject Json)
{
    public JsonNode? Properties => Json["properties"];
}

/// <summary>
/// A compiled ARM template as it would be deployed with given parameter values: its resources
/// (modules included) and outputs, evaluated offline by <see cref="ArmExpression"/>.
/// </summary>
public sealed class ArmDeployment
{
    private readonly List<ArmResource> _resources = [];
    private readonly Dictionary<string, JsonObject> _templates = new(StringComparer.Ordinal);

    private ArmDeployment() { }

    public IReadOnlyList<ArmResource> Resources => _resources;

    /// <summary>The evaluated outputs of the main template (or of a module, by its path).</summary>
    public JsonObject Outputs(string module = "") => (JsonObject)_templates[module]["outputs"]!;

    /// <summary>The evaluated parameter declarations of the main template (or of a module).</summary>
    public JsonObject ParameterDeclarations(string module = "") => (JsonObject)(_templates[module]["parameters"] ?? new JsonObject());

    public static ArmDeployment Load(JsonObject template, IReadOnlyDictionary<string, JsonNode?>? parameters = null)
    {
        var deployment = new ArmDeployment();
        var provided = parameters?.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        deployment.Walk(template, provided, module: "", deployed: true);
        return deployment;
    }

    public IEnumerable<ArmResource> OfType(string type) =>
        _resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"expected exactly one {type}, found {matches.Count}: {string.Join(", ", matches.Select(m => m.Name))}");
        return matches[0];
    }

    private void Walk(JsonObject template, Dictionary<string, JsonNode?> provided, string module, bool? deployed)
    {
        var scope = new Scope(template, provided);
        var resources = template["resources"] switch
        {
            JsonArray a => a.OfType<JsonObject>().ToList(),
            JsonObject o => o.Select(p => p.Value).OfType<JsonObject>().ToList(), // languageVersion 2.0: symbolic names
            _ => [],
        };

        foreach (var resource in resources)
        {
            var type = resource["type"]!.GetValue<string>();
            var condition = resource["condition"] is { } c ? scope.Evaluate(c) : JsonValue.Create(true);
            bool? here = condition is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
            var effective = deployed == false || here == false ? false : deployed == true && here == true ? true : (bool?)null;

            if (type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject inner)
            {
                var name = ArmExpression.Render(scope.Evaluate(resource["name"]));
                var childParameters = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
                if (resource["properties"]!["parameters"] is JsonObject passed)
                {
                    foreach (var (key, value) in passed)
                    {
                        // { "value": ... } or an expression yielding that object (Bicep's conditional params).
                        var evaluated = scope.Evaluate(value);
                        childParameters[key] = evaluated is JsonObject o && o.ContainsKey("value")
                            ? o["value"]?.DeepClone()
                            : ArmExpression.Unresolved($"parameter {key} of module {name}");
                    }
                }
                var path = module.Length == 0 ? name : $"{module}/{name}";
                var shallow = resource.DeepClone().AsObject();
                shallow["properties"]!.AsObject().Remove("template");
                _resources.Add(new ArmResource(type, name, module, effective, (JsonObject)scope.Evaluate(shallow)!));
                Walk(inner, childParameters, path, effective);
                continue;
            }

            var evaluatedResource = (JsonObject)scope.Evaluate(resource)!;
            _resources.Add(new ArmResource(type, ArmExpression.Render(evaluatedResource["name"]), module, effective, evaluatedResource));
        }

        var evaluatedTemplate = new JsonObject
        {
            ["parameters"] = template["parameters"]?.DeepClone(),
            ["outputs"] = template["outputs"] is JsonNode outputs ? scope.Evaluate(outputs) : new JsonObject(),
        };
        _templates[module] = evaluatedTemplate;
    }

    private sealed class Scope(JsonObject template, Dictionary<string, JsonNode?> provided) : IArmScope
    {
        private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);

        public JsonNode? Parameter(string name)
        {
            if (provided.TryGetValue(name, out var value))
            {
                return value?.DeepClone();
            }
            var declaration = template["parameters"]?[name];
            if (declaration is JsonObject d && d.TryGetPropertyValue("defaultValue", out var defaultValue))
            {
                return Evaluate(defaultValue);
            }
            return ArmExpression.Unresolved($"parameters('{name}')");
        }

        public JsonNode? Variable(string name)
        {
            if (!_variables.TryGetValue(name, out var value))
            {
                var declared = template["variables"] is JsonObject vars
                    ? vars.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
                    : null;
                value = declared is null ? ArmExpression.Unresolved($"variables('{name}')") : Evaluate(declared);
                _variables[name] = value;
            }
            return value?.DeepClone();
        }

        /// <summary>Evaluates every expression in a JSON value, property names included.</summary>
        public JsonNode? Evaluate(JsonNode? node) => node switch
        {
            null => null,
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(
                ArmExpression.Render(ArmExpression.EvaluateString(p.Key, this)), Evaluate(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Evaluate).ToArray()),
            JsonValue v when v.TryGetValue<string>(out var s) => ArmExpression.EvaluateString(s, this),
            _ => node.DeepClone(),
        };
    }
}
