using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClassVisCloud.Api.Tests.Description;

/// <summary>
/// Reads an answer that is written by hand (column by column) as the record that describes it, strictly: a member
/// the record lacks, a required one missing, or a null where the record has none fails. So the description and
/// the bytes cannot drift apart.
/// </summary>
static class DescribedJson
{
    static readonly JsonSerializerOptions Strict = new(ApiResponse.Json)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static T Read<T>(byte[] json) => JsonSerializer.Deserialize<T>(json, Strict)!;
}
