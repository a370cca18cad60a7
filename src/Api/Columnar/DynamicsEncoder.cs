using ClassVisCloud.Analytics.Dynamics;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace ClassVisCloud.Api;

/// <summary>
/// The dynamics route's columns as JSON (default) or as an Apache Arrow IPC stream, all of them or those a
/// <see cref="DynamicsColumnSet"/> names; firstLearned is null when none.
/// </summary>
public static class DynamicsEncoder
{
    /// <summary>
    /// What building the answer for <paramref name="samples"/> samples holds at most, either format: the state and the
    /// columns (about 150 B a sample), the JSON fragments, their joined copy and the body (about 80 B each).
    /// </summary>
    public static long EstimatedBytes(int samples) => samples * 400L + 1024 * 1024;

    /// <summary>One column: its name, its JSON array, its Arrow field and array.</summary>
    sealed record Column(string Name, Action<Utf8JsonWriter> WriteJson, IArrowType ArrowType, bool Nullable, Func<IArrowArray> ToArrow);

    /// <summary>The columns of <paramref name="data"/> that <paramref name="set"/> holds, in the answer's order.</summary>
    static List<Column> Columns(SampleDynamics data, DynamicsColumnSet set)
    {
        Column[] all =
        [
            new("sampleId", w => SampleIdColumn.WriteJson(w, data.SampleIds, data.IntegerIds), SampleIdColumn.ArrowType(data.IntegerIds), false,
                () => SampleIdColumn.ToArrow(data.SampleIds, data.IntegerIds)),
            Floats("confidence", data.Confidence),
            Floats("variability", data.Variability),
            Floats("correctness", data.Correctness),
            new("forgettings", w => { w.WriteStartArray(); foreach (var v in data.Forgettings) w.WriteNumberValue(v); w.WriteEndArray(); },
                Int32Type.Default, false, () => ArrowColumns.Ints(data.Forgettings)),
            new("firstLearned", w => { w.WriteStartArray(); foreach (var v in data.FirstLearned) { if (v < 0) w.WriteNullValue(); else w.WriteNumberValue(v); } w.WriteEndArray(); },
                Int64Type.Default, true, () => ArrowColumns.LongsOrNull(data.FirstLearned)),
            Floats("aum", data.AreaUnderMargin),
            Floats("selfConfidence", data.SelfConfidence),
            Floats("normalizedMargin", data.NormalizedMargin),
            new("suspect", w => { w.WriteStartArray(); foreach (var v in data.Suspect) w.WriteBooleanValue(v); w.WriteEndArray(); },
                BooleanType.Default, false, () => ArrowColumns.Booleans(data.Suspect)),
        ];
        return [.. all.Where(c => set.Has(c.Name))];
    }

    static Column Floats(string name, float[] values) => new(name, w =>
    {
        w.WriteStartArray();
        foreach (var value in values) w.WriteNumberValue(value);
        w.WriteEndArray();
    }, FloatType.Default, false, () => ArrowColumns.Floats(values));

    /// <summary>Each column is written on its own (in parallel: a million rows make ~80 MB of JSON), then the object around them.</summary>
    public static byte[] ToJson(SampleDynamics data, DynamicsColumnSet? set = null)
    {
        var columns = Columns(data, set ?? DynamicsColumnSet.All);
        var fragments = new byte[columns.Count][];
        Parallel.For(0, columns.Count, c =>
        {
            var buffer = new MemoryStream(data.Count * 12 + 16);
            using (var writer = new Utf8JsonWriter(buffer)) columns[c].WriteJson(writer);
            fragments[c] = buffer.ToArray();
        });
        var result = new MemoryStream(fragments.Sum(f => f.Length) + 256);
        using (var writer = new Utf8JsonWriter(result))
        {
            writer.WriteStartObject();
            writer.WriteString("split", data.Split);
            writer.WriteNumber("epoch", data.Epoch);
            for (var c = 0; c < columns.Count; c++)
            {
                writer.WritePropertyName(columns[c].Name);
                writer.WriteRawValue(fragments[c], skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return result.ToArray();
    }

    public static byte[] ToArrow(SampleDynamics data, DynamicsColumnSet? set = null)
    {
        var columns = Columns(data, set ?? DynamicsColumnSet.All);
        var schema = new Schema.Builder();
        foreach (var column in columns) schema.Field(f => f.Name(column.Name).DataType(column.ArrowType).Nullable(column.Nullable));
        var built = schema.Metadata("split", data.Split).Metadata("epoch", data.Epoch.ToString(CultureInfo.InvariantCulture)).Build();
        var batch = new RecordBatch(built, columns.Select(c => c.ToArrow()), data.Count);
        var buffer = new MemoryStream(data.Count * 4 * columns.Count + 4096);
        using (var writer = new ArrowStreamWriter(buffer, built, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        return buffer.ToArray();
    }
}
