namespace ClassVisCloud.Api;

/// <summary>
/// The columns a dynamics answer carries (the route's <c>columns=</c>, a comma list): by default every column, as API.md
/// lists them; a client that draws only some asks for those and gets no bytes for the others. The answer's columns keep
/// this canonical order whatever the order asked, so one set has one ETag and one kept answer.
/// </summary>
public sealed class DynamicsColumnSet
{
    /// <summary>Every column of the answer, in its order (split and epoch are always there).</summary>
    public static readonly IReadOnlyList<string> Names =
        ["sampleId", "confidence", "variability", "correctness", "forgettings", "firstLearned", "aum", "selfConfidence", "normalizedMargin", "suspect"];

    /// <summary>At most this many characters are read from the argument: every name once, with commas, is far less.</summary>
    const int MaxLength = 1024;

    public static DynamicsColumnSet All { get; } = new([.. Names]);

    readonly HashSet<string> chosen;

    DynamicsColumnSet(IEnumerable<string> names) => chosen = new HashSet<string>(names, StringComparer.Ordinal);

    public bool Has(string name) => chosen.Contains(name);

    public bool IsAll => chosen.Count == Names.Count;

    /// <summary>The chosen names in the answer's order, comma-separated: part of the ETag when not all.</summary>
    public string Key => string.Join(",", Names.Where(chosen.Contains));

    /// <summary>Only these columns (names as in <see cref="Names"/>); for the server's own callers, which pass known names.</summary>
    public static DynamicsColumnSet Of(params string[] names)
    {
        foreach (var name in names)
            if (!Names.Contains(name)) throw new ArgumentException($"'{name}' is not a dynamics column", nameof(names));
        return new DynamicsColumnSet(names);
    }

    /// <summary>The set a <c>columns=</c> argument names: null means all; an empty name or an unknown one is a 400 naming the allowed ones.</summary>
    public static Parsed<DynamicsColumnSet> Parse(string? value)
    {
        if (value is null) return All;
        var allowed = string.Join(", ", Names);
        if (value.Length > MaxLength) return ApiResponse.BadRequest($"invalid columns: {value.Length} characters; at most {MaxLength} are allowed (the columns are {allowed})");
        var names = value.Split(',');
        if (names.Any(n => n.Length == 0))
            return ApiResponse.BadRequest($"invalid columns '{Shorten(value)}': an empty name; name one or more of {allowed}, separated by commas");
        if (names.FirstOrDefault(n => !Names.Contains(n)) is { } unknown)
            return ApiResponse.BadRequest($"unknown column '{Shorten(unknown)}': the dynamics columns are {allowed}");
        return new DynamicsColumnSet(names);
    }

    static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
