using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClassVisCloud.Infra.Tests.Arm;

/// <summary>
/// Evaluates the small part of the ARM template language that Bicep emits for constants:
/// parameters(), variables(), format(), concat(), if(), and a few more. Anything that needs a
/// live deployment (reference(), listKeys(), resourceId(), ...) stays unresolved and is rendered
/// as «its source text», so a test can still see what it refers to.
/// </summary>
public static class ArmExpression
{
    public const char UnresolvedStart = '«';
    public const char UnresolvedEnd = '»';

    /// <summary>True when <paramref name="value"/> is a template expression ("[...]", not "[[...").</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && value[1] != '[';

    /// <summary>Evaluates a JSON string value: an expression, an escaped "[[" literal, or a plain string.</summary>
    public static JsonNode? EvaluateString(string value, IArmScope scope)
    {
        if (IsExpression(value))
        {
            var source = value[1..^1];
            var parser = new Parser(source);
            var ast = parser.ParseWhole();
            return ast.Evaluate(scope);
        }
        return JsonValue.Create(value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value);
    }

    /// <summary>Whether a value (or any part of a string) could not be evaluated offline.</summary>
    public static bool IsUnresolved(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(UnresolvedStart);

    internal static JsonNode Unresolved(string source) => JsonValue.Create($"{UnresolvedStart}{source}{UnresolvedEnd}");

    private abstract record Node(string Source)
    {
        public abstract JsonNode? Evaluate(IArmScope scope);
    }

    private sealed record Literal(string Source, JsonNode? Value) : Node(Source)
    {
        public override JsonNode? Evaluate(IArmScope scope) => Value?.DeepClone();
    }

    private sealed record Call(string Source, string Name, IReadOnlyList<Node> Arguments) : Node(Source)
    {
        public override JsonNode? Evaluate(IArmScope scope)
        {
            var name = Name.ToLowerInvariant();
            if (name == "if")
            {
                Expect(3);
                var condition = Arguments[0].Evaluate(scope);
                if (condition is JsonValue c && c.TryGetValue<bool>(out var b))
                {
                    return Arguments[b ? 1 : 2].Evaluate(scope);
                }
                return Unresolved($"if({string.Join(", ", Arguments.Select(a => Quote(a.Evaluate(scope))))})");
            }

            var args = Arguments.Select(a => a.Evaluate(scope)).ToList();
            return name switch
            {
                "parameters" => scope.Parameter(AsString(args[0]) ?? throw Bad("parameter name")),
                "variables" => scope.Variable(AsString(args[0]) ?? throw Bad("variable name")),
                "format" => Format(args),
                "concat" => args.All(a => a is JsonArray) ? new JsonArray(args.SelectMany(a => ((JsonArray)a!).Select(x => x?.DeepClone())).ToArray())
                    : JsonValue.Create(string.Concat(args.Select(Render))),
                "tolower" => Map(args, s => s.ToLowerInvariant()),
                "toupper" => Map(args, s => s.ToUpperInvariant()),
                "string" => JsonValue.Create(Render(args[0])),
                "not" => Bool(args[0]) is bool v ? JsonValue.Create(!v) : Opaque(args),
                "and" => args.Select(Bool).ToList() is var bs && bs.All(x => x is not null) ? JsonValue.Create(bs.All(x => x == true)) : Opaque(args),
                "or" => args.Select(Bool).ToList() is var os && os.All(x => x is not null) ? JsonValue.Create(os.Any(x => x == true)) : Opaque(args),
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "equals" => args.Any(IsUnresolved) ? Opaque(args) : JsonValue.Create(JsonNode.DeepEquals(args[0], args[1])),
                "empty" => Empty(args),
                "createobject" => CreateObject(args),
                "createarray" => new JsonArray(args.Select(a => a?.DeepClone()).ToArray()),
                "union" => Union(args),
                _ => Opaque(args),
            };
        }

        /// <summary>This call, its arguments evaluated, kept as text: it needs a live deployment.</summary>
        private JsonNode Opaque(List<JsonNode?> args) => Unresolved($"{Name}({string.Join(", ", args.Select(Quote))})");

        private void Expect(int count)
        {
            if (Arguments.Count != count)
            {
                throw Bad($"{count} arguments");
            }
        }

        private FormatException Bad(string what) => new($"ARM expression '{Source}': expected {what}.");

        private JsonNode Format(List<JsonNode?> args)
        {
            var pattern = AsString(args[0]) ?? throw Bad("a format string");
            var result = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var ch = pattern[i];
                if (ch == '{' && i + 1 < pattern.Length && pattern[i + 1] == '{') { result.Append('{'); i++; continue; }
                if (ch == '}' && i + 1 < pattern.Length && pattern[i + 1] == '}') { result.Append('}'); i++; continue; }
                if (ch == '{')
                {
                    var close = pattern.IndexOf('}', i);
                    var index = int.Parse(pattern[(i + 1)..close], CultureInfo.InvariantCulture);
                    result.Append(Render(args[index + 1]));
                    i = close;
                    continue;
                }
                result.Append(ch);
            }
            return JsonValue.Create(result.ToString());
        }

        private JsonNode Map(List<JsonNode?> args, Func<string, string> f) =>
            IsUnresolved(args[0]) ? Opaque(args) : JsonValue.Create(f(Render(args[0])));

        private JsonNode Empty(List<JsonNode?> args) => args[0] switch
        {
            null => JsonValue.Create(true),
            JsonArray a => JsonValue.Create(a.Count == 0),
            JsonObject o => JsonValue.Create(o.Count == 0),
            var value when IsUnresolved(value) => Opaque(args),
            var value => JsonValue.Create(Render(value).Length == 0),
        };

        private JsonNode CreateObject(List<JsonNode?> args)
        {
            var result = new JsonObject();
            for (var i = 0; i + 1 < args.Count; i += 2)
            {
                result[Render(args[i])] = args[i + 1]?.DeepClone();
            }
            return result;
        }

        private JsonNode Union(List<JsonNode?> args)
        {
            if (!args.All(a => a is JsonObject))
            {
                return Opaque(args);
            }
            var result = new JsonObject();
            foreach (var o in args.Cast<JsonObject>())
            {
                foreach (var (key, value) in o)
                {
                    result[key] = value?.DeepClone();
                }
            }
            return result;
        }
    }

    private sealed record Access(string Source, Node Target, Node Key) : Node(Source)
    {
        public override JsonNode? Evaluate(IArmScope scope)
        {
            var target = Target.Evaluate(scope);
            var key = Key.Evaluate(scope);
            if (IsUnresolved(target) || IsUnresolved(key))
            {
                return Unresolved(Key is Literal { Source: var name } && !name.StartsWith('\'')
                    ? $"{Quote(target)}.{name}"
                    : $"{Quote(target)}[{Quote(key)}]");
            }
            return target switch
            {
                JsonObject o when AsString(key) is { } name =>
                    o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone(),
                JsonArray a when key is JsonValue v && v.TryGetValue<int>(out var i) => a[i]?.DeepClone(),
                _ => Unresolved(Source),
            };
        }
    }

    /// <summary>A value as it reads inside a string; unresolved parts keep their «source».</summary>
    internal static string Render(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        _ => value.ToJsonString(),
    };

    /// <summary>A value as it reads inside an expression: 'text', 42, or the source of an unresolved part.</summary>
    internal static string Quote(JsonNode? value) => value switch
    {
        null => "null()",
        JsonValue v when v.TryGetValue<string>(out var s) && IsWholeUnresolved(s) => s[1..^1],
        JsonValue v when v.TryGetValue<string>(out var s) => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true()" : "false()",
        _ => value.ToJsonString(),
    };

    private static bool IsWholeUnresolved(string s)
    {
        if (s.Length < 2 || s[0] != UnresolvedStart || s[^1] != UnresolvedEnd)
        {
            return false;
        }
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            depth += s[i] == UnresolvedStart ? 1 : s[i] == UnresolvedEnd ? -1 : 0;
            if (depth == 0 && i < s.Length - 1)
            {
                return false;
            }
        }
        return true;
    }

    private static string? AsString(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private sealed class Parser(string text)
    {
        private int _pos;

        public Node ParseWhole()
        {
            var node = ParseExpression();
            SkipSpace();
            if (_pos != text.Length)
            {
                throw new FormatException($"ARM expression '{text}': unexpected '{text[_pos..]}'.");
            }
            return node;
        }

        private Node ParseExpression()
        {
            SkipSpace();
            var start = _pos;
            var node = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Peek('.'))
                {
                    _pos++;
                    var nameStart = _pos;
                    var name = ReadIdentifier();
                    node = new Access(text[start.._pos], node, new Literal(text[nameStart.._pos], JsonValue.Create(name)));
                }
                else if (Peek('['))
                {
                    _pos++;
                    var key = ParseExpression();
                    SkipSpace();
                    Consume(']');
                    node = new Access(text[start.._pos], node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParsePrimary()
        {
            var start = _pos;
            if (Peek('\''))
            {
                _pos++;
                var value = new StringBuilder();
                while (true)
                {
                    if (_pos >= text.Length)
                    {
                        throw new FormatException($"ARM expression '{text}': unterminated string.");
                    }
                    var ch = text[_pos++];
                    if (ch == '\'')
                    {
                        if (Peek('\'')) { value.Append('\''); _pos++; continue; }
                        break;
                    }
                    value.Append(ch);
                }
                return new Literal(text[start.._pos], JsonValue.Create(value.ToString()));
            }
            if (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '-'))
            {
                _pos++;
                while (_pos < text.Length && char.IsDigit(text[_pos])) { _pos++; }
                return new Literal(text[start.._pos], JsonValue.Create(long.Parse(text[start.._pos], CultureInfo.InvariantCulture)));
            }
            var name = ReadIdentifier();
            SkipSpace();
            Consume('(');
            var args = new List<Node>();
            SkipSpace();
            if (!Peek(')'))
            {
                while (true)
                {
                    args.Add(ParseExpression());
                    SkipSpace();
                    if (Peek(',')) { _pos++; continue; }
                    break;
                }
            }
            Consume(')');
            return new Call(text[start.._pos], name, args);
        }

        private string ReadIdentifier()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '$'))
            {
                _pos++;
            }
            if (_pos == start)
            {
                throw new FormatException($"ARM expression '{text}': expected a name at {start}.");
            }
            return text[start.._pos];
        }

        private bool Peek(char ch) => _pos < text.Length && text[_pos] == ch;

        private void Consume(char ch)
        {
            if (!Peek(ch))
            {
                throw new FormatException($"ARM expression '{text}': expected '{ch}' at {_pos}.");
            }
            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) { _pos++; }
        }
    }
}

/// <summary>What an expression can look up: the template's parameters and variables.</summary>
public interface IArmScope
{
    JsonNode? Parameter(string name);
    JsonNode? Variable(string name);
}
