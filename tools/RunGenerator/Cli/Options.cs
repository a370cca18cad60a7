using System.Globalization;

namespace ClassVisCloud.RunGenerator.Cli;

/// <summary>
/// <c>--name value</c> options and <c>--flag</c> switches of one command, checked against the names the
/// command knows, so a typo is an error rather than a silently ignored option.
/// </summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public Options(IReadOnlyList<string> args, IReadOnlySet<string> valueNames, IReadOnlySet<string> flagNames)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unexpected argument '{arg}'");
            var name = arg[2..];
            if (flagNames.Contains(name))
                _flags.Add(name);
            else if (valueNames.Contains(name))
            {
                if (i + 1 >= args.Count)
                    throw new UsageException($"--{name} needs a value");
                _values[name] = args[++i];
            }
            else
                throw new UsageException($"unknown option '{arg}'");
        }
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => String(name) ?? throw new UsageException($"--{name} is required");

    public int Int(string name, int fallback) => String(name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be an integer (got '{text}')")
        : fallback;

    public long Long(string name, long fallback) => String(name) is { } text
        ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be an integer (got '{text}')")
        : fallback;

    public double Double(string name, double fallback) => String(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a number (got '{text}')")
        : fallback;
}
