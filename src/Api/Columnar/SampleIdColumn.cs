using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace ClassVisCloud.Api;

/// <summary>Sample ids as the API sends them: numbers when the file's ids were integers, else strings.</summary>
public static class SampleIdColumn
{
    /// <summary>Writes the ids as a JSON array (a property's value, or a document of its own).</summary>
    public static void WriteJson(Utf8JsonWriter writer, string[] ids, bool integerIds)
    {
        writer.WriteStartArray();
        foreach (var id in ids)
        {
            if (integerIds) writer.WriteRawValue(id, skipInputValidation: true); else writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
    }

    public static IArrowType ArrowType(bool integerIds) => integerIds ? Int64Type.Default : StringType.Default;

    public static IArrowArray ToArrow(string[] ids, bool integerIds) =>
        integerIds ? ArrowColumns.Longs(ids.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToArray()) : ArrowColumns.Strings(ids);
}
