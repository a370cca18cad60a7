using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClassVisCloud.Api;

/// <summary>
/// An HTTP answer, made entirely here so the Functions app and the DevHost send the same bytes.
/// <paramref name="ETag"/> is set on answers derived only from immutable epoch versions: the browser
/// revalidates with If-None-Match and gets 304 until an epoch is re-ingested.
/// </summary>
public sealed record ApiResponse(int Status, byte[] Body, string ContentType, string? ETag = null)
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string ArrowType = "application/vnd.apache.arrow.stream";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ApiResponse Ok(object body, string? etagSeed = null) => FromBytes(200, JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json), JsonType, etagSeed);

    public static ApiResponse FromBytes(int status, byte[] body, string contentType, string? etagSeed = null) =>
        new(status, body, contentType, etagSeed is null ? null : ETagFor(etagSeed, contentType));

    public static ApiResponse Error(int status, string error, string? detail = null) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(new ApiError(error, detail), Json), JsonType);

    /// <summary>The answer to anything unexpected: never a stack trace.</summary>
    public static ApiResponse InternalError => Error(500, "internal error", "the server failed to answer; its log has the details");

    public static ApiResponse BadRequest(string detail) => Error(400, "bad request", detail);
    public static ApiResponse NotFound(string detail) => Error(404, "not found", detail);

    /// <summary>The ETag of an answer derived from <paramref name="seed"/>: known before the answer is built.</summary>
    public static string ETagFor(string seed, string contentType) => MakeETag(seed + "|" + contentType);

    /// <summary>True when an If-None-Match header (one or several comma-separated tags) names <paramref name="etag"/>.</summary>
    public static bool Matches(string etag, string? ifNoneMatch)
    {
        if (string.IsNullOrEmpty(ifNoneMatch)) return false;
        foreach (var range in ifNoneMatch.AsSpan().Split(','))
            if (ifNoneMatch.AsSpan()[range].Trim().SequenceEqual(etag)) return true;
        return false;
    }

    /// <summary>The answer to a revalidation that found the answer unchanged: no body is built.</summary>
    public static ApiResponse NotModified(string etag) => new(304, [], JsonType, etag);

    /// <summary>304 when <paramref name="ifNoneMatch"/> names the answer that <paramref name="etagSeed"/> would give, else null.</summary>
    public static ApiResponse? Unchanged(string etagSeed, string contentType, string? ifNoneMatch)
    {
        var etag = ETagFor(etagSeed, contentType);
        return Matches(etag, ifNoneMatch) ? NotModified(etag) : null;
    }

    /// <summary>Set on answers kept in the <see cref="AnswerCache"/>: their compressed forms are made once and kept with them.</summary>
    internal CompressedForms? Forms { get; init; }

    /// <summary>The body in <paramref name="encoding"/> ("br", "gzip"), or as it is when null.</summary>
    public async Task<byte[]> BodyAsync(string? encoding, CancellationToken cancellationToken = default)
    {
        if (encoding is null) return Body;
        if (Forms is { } forms) return await forms.GetAsync(Body, encoding, cancellationToken);
        return ResponseCompression.Compress(Body, encoding);
    }

    static string MakeETag(string seed) => "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32] + "\"";
}

/// <summary>Either the parsed value or the answer that explains why there is none.</summary>
public readonly record struct Parsed<T>(T Value, ApiResponse? Problem)
{
    public static implicit operator Parsed<T>(ApiResponse problem) => new(default!, problem);
    public static implicit operator Parsed<T>(T value) => new(value, null);
}
