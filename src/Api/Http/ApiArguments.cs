using System.Globalization;
using ClassVisCloud.Analytics.Ingest;

namespace ClassVisCloud.Api;

/// <summary>Validation of everything a URL or body carries, before any of it reaches a query.</summary>
public static class ApiArguments
{
    public const int MaxIdLength = 1024;
    public const int MaxSampleIds = 10_000;
    public const int MaxBodyBytes = 1024 * 1024;

    public static ApiResponse? CheckRun(string? run) =>
        run is null ? ApiResponse.BadRequest("the run is missing")
        : BlobPath.RunNameProblem(run) is { } problem ? ApiResponse.BadRequest($"invalid run: {problem}") : null;

    public static Parsed<long> Epoch(string? value)
    {
        if (value is null || value.Length > 19 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            return ApiResponse.BadRequest($"invalid epoch '{Shorten(value)}': a non-negative integer is expected");
        return epoch;
    }

    public static ApiResponse? CheckId(string? value, string what) =>
        string.IsNullOrEmpty(value) ? ApiResponse.BadRequest($"the {what} is missing")
        : value.Length > MaxIdLength ? ApiResponse.BadRequest($"the {what} is {value.Length} characters; at most {MaxIdLength} are allowed")
        : value.Any(char.IsControl) ? ApiResponse.BadRequest($"the {what} holds a control character")
        : null;

    public static Parsed<int> Count(string? value, string name, int fallback, int max)
    {
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > max)
            return ApiResponse.BadRequest($"invalid {name} '{Shorten(value)}': an integer from 1 to {max} is expected");
        return count;
    }

    public static Parsed<bool> Arrow(string? format) => format switch
    {
        null or "json" => false,
        "arrow" => true,
        _ => ApiResponse.BadRequest($"invalid format '{Shorten(format)}': json or arrow"),
    };

    static string Shorten(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
