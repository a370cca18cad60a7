using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClassVisCloud.Api;

/// <summary>
/// A sample id as the API sends it: a JSON number when the file's ids were integers, else a string (ids are stored
/// as text either way). Read from a body, a number keeps its text as written.
/// </summary>
[JsonConverter(typeof(SampleIdValueConverter))]
public readonly record struct SampleIdValue(string Id, bool IsInteger)
{
    public override string ToString() => Id;
}

sealed class SampleIdValueConverter : JsonConverter<SampleIdValue>
{
    public override SampleIdValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new SampleIdValue(reader.GetString()!, false),
        JsonTokenType.Number => new SampleIdValue(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), true),
        _ => Skip(ref reader),
    };

    /// <summary>Anything else (null, an object, an array) is no id: the empty id, which the argument checks refuse by position.</summary>
    static SampleIdValue Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return new SampleIdValue("", false);
    }

    public override void Write(Utf8JsonWriter writer, SampleIdValue value, JsonSerializerOptions options)
    {
        if (value.IsInteger) writer.WriteRawValue(value.Id, skipInputValidation: true);
        else writer.WriteStringValue(value.Id);
    }
}
