using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClassVisCloud.Analytics.Api;

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
        new(status, body, contentType, etagSeed is null ? null : MakeETag(etagSeed + "|" + contentType));

    public static ApiResponse Error(int status, string error, string? detail = null) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(new ErrorBody(error, detail), Json), JsonType);

    /// <summary>The answer to anything unexpected: never a stack trace.</summary>
    public static ApiResponse InternalError => Error(500, "internal error", "the server failed to answer; its log has the details");

    public static ApiResponse BadRequest(string detail) => Error(400, "bad request", detail);
    public static ApiResponse NotFound(string detail) => Error(404, "not found", detail);

    static string MakeETag(string seed) => "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32] + "\"";

    sealed record ErrorBody(string Error, string? Detail);
}

/// <summary>Either the parsed value or the answer that explains why there is none.</summary>
public readonly record struct Parsed<T>(T Value, ApiResponse? Problem)
{
    public static implicit operator Parsed<T>(ApiResponse problem) => new(default!, problem);
    public static implicit operator Parsed<T>(T value) => new(value, null);
}
