namespace ClassVisCloud.Bench;

/// <summary>Reads <c>--name value</c> options, with defaults.</summary>
internal sealed class BenchOptions(string[] args)
{
    public string Get(string name, string fallback)
    {
        int at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString()));

    public bool Has(string name) => args.Contains("--" + name);
}
