using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ClassVisCloud.Api;

/// <summary>
/// The one description of the API: an OpenAPI 3.1 document made from <see cref="ApiRoutes"/> and the answers' records,
/// whose schemas .NET's own exporter (System.Text.Json.Schema) writes from the records the answers are serialized from.
/// Served at /api/openapi.json and checked in as docs/openapi.json, from which the dashboard's types are generated;
/// tests fail when either copy drifts from this.
/// </summary>
public static class ApiDescription
{
    public const string Version = "1";

    /// <summary>The document as the checked-in file holds it: indented, "\n" line ends, no escaping of non-ASCII text.</summary>
    public static byte[] Bytes => bytes.Value;

    /// <summary>What the served description's ETag is made from: its content.</summary>
    public static string ETagSeed => etagSeed.Value;

    static readonly Lazy<string> etagSeed = new(() => "openapi|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes)));

    static readonly Lazy<byte[]> bytes = new(() => JsonSerializer.SerializeToUtf8Bytes(Build(), new JsonSerializerOptions
    {
        WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    /// <summary>
    /// The answers' JSON as the API writes it (camelCase), and as a description should state it: numbers as numbers
    /// (the API's options would also read them from strings), nullability and required members as the records declare them.
    /// </summary>
    static readonly JsonSerializerOptions SchemaOptions = new(ApiResponse.Json)
    {
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static JsonObject Build()
    {
        var components = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var paths = new JsonObject();
        foreach (var route in ApiRoutes.All)
        {
            var item = paths[$"/{route.Path}"] as JsonObject ?? (JsonObject)(paths[$"/{route.Path}"] = new JsonObject());
            item[route.Method] = Operation(route, components);
        }
        var schemas = new JsonObject();
        foreach (var (name, schema) in components) schemas[name] = schema;
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ClassVisCloud API",
                ["version"] = Version,
                ["description"] = "What the dashboard shows, for any client: runs, ingests, epochs, samples and training dynamics. "
                    + "JSON is camelCase; fields may be added, none renamed or dropped. Errors are {\"error\", \"detail\"}, never a stack trace.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/api" }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    static JsonObject Operation(ApiRoute route, SortedDictionary<string, JsonNode> components)
    {
        var content = route.Csv
            ? new JsonObject { ["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } }
            : new JsonObject { ["application/json"] = new JsonObject { ["schema"] = SchemaOf(route.Answer, components) } };
        if (route.Arrow) content["application/vnd.apache.arrow.stream"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } };
        var responses = new JsonObject { ["200"] = new JsonObject { ["description"] = route.Summary, ["content"] = content } };
        if (route.ETag) responses["304"] = new JsonObject { ["description"] = "unchanged since the ETag sent in If-None-Match" };
        var error = SchemaOf(typeof(ApiError), components);
        foreach (var (status, meaning) in Errors(route))
            responses[status] = new JsonObject { ["description"] = meaning, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = error.DeepClone() } } };

        var operation = new JsonObject { ["operationId"] = route.Name, ["summary"] = route.Summary };
        if (route.Parameters.Count > 0)
            operation["parameters"] = new JsonArray(route.Parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name, ["in"] = p.In == ParameterIn.Path ? "path" : "query", ["required"] = p.In == ParameterIn.Path,
                ["description"] = p.Description, ["schema"] = JsonNode.Parse(p.Schema),
            }).ToArray());
        if (route.Body is { } body)
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = SchemaOf(body, components) } },
            };
        operation["responses"] = responses;
        return operation;
    }

    static IEnumerable<(string Status, string Meaning)> Errors(ApiRoute route)
    {
        if (route.Parameters.Count > 0 || route.Body is not null) yield return ("400", "bad input: the detail names it");
        if (route.Path.Contains('{') || route.Parameters.Any(p => p.Name is "run" or "epoch")) yield return ("404", "no such run, epoch, split or sample (or the epoch is pending or failed)");
        if (route.Body is not null) yield return ("413", "a body over 1 MiB, or over 10,000 sample ids");
        yield return ("500", "an unexpected failure; the server's log has the details");
    }

    /// <summary>A reference to the named schema of <paramref name="type"/>, made (with those of the records it holds) on first use.</summary>
    static JsonNode SchemaOf(Type type, SortedDictionary<string, JsonNode> components)
    {
        if (type == typeof(object)) return new JsonObject { ["type"] = "object" };
        var name = NameOf(type);
        if (!components.ContainsKey(name))
        {
            components[name] = new JsonObject(); // claimed first: a record that holds itself refers to itself
            var nested = new List<Type>();
            components[name] = SchemaOptions.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
            {
                // An answer itself, and the items of its lists, are never null (a list's item type carries no annotation).
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (context, node) => Transform(context, node, nested),
            });
            foreach (var inner in nested) SchemaOf(inner, components);
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node, List<Type> nested)
    {
        var type = context.TypeInfo.Type;
        if (type == typeof(SampleIdValue)) node = SampleIdSchema();
        // A list of ids: the exporter drops "items" when they may be anything (the ids' converter is our own).
        else if (context.TypeInfo.ElementType == typeof(SampleIdValue) && node is JsonObject list) list["items"] = SampleIdSchema();
        else if (context.Path.Length > 0 && IsNamedAnswer(type))
        {
            // A record inside an answer is a schema of its own (and so a type of its own in the generated TypeScript).
            nested.Add(type);
            var reference = new JsonObject { ["$ref"] = $"#/components/schemas/{NameOf(type)}" };
            node = IsNullable(node) ? new JsonObject { ["oneOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
        }
        if (context.PropertyInfo?.AttributeProvider is ICustomAttributeProvider property
            && property.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.AllowedValuesAttribute), true) is [System.ComponentModel.DataAnnotations.AllowedValuesAttribute allowed, ..]
            && node is JsonObject withValues)
            withValues["enum"] = new JsonArray(allowed.Values.Select(v => JsonValue.Create(v?.ToString())).ToArray<JsonNode?>());
        return node;
    }

    /// <summary>Sample ids are numbers when the file's ids were integers, else strings.</summary>
    static JsonObject SampleIdSchema() => new() { ["type"] = new JsonArray("string", "integer") };

    static bool IsNamedAnswer(Type type) => type.Assembly == typeof(ApiDescription).Assembly && type.IsClass && type != typeof(object);

    static bool IsNullable(JsonNode node) => node is JsonObject o && o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    static string NameOf(Type type) => type.GetCustomAttribute<ApiNameAttribute>()?.Name ?? type.Name;
}
