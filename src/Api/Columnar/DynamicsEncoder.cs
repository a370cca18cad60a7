using ClassVisCloud.Analytics.Dynamics;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace ClassVisCloud.Api;

/// <summary>The dynamics route's columns as JSON (default) or as an Apache Arrow IPC stream; firstLearned is null when none.</summary>
public static class DynamicsEncoder
{
    /// <summary>
    /// What building the answer for <paramref name="samples"/> samples holds at most, either format: the state and the
    /// columns (about 150 B a sample), the JSON fragments, their joined copy and the body (about 80 B each).
    /// </summary>
    public static long EstimatedBytes(int samples) => samples * 400L + 1024 * 1024;

    /// <summary>Each column is written on its own (in parallel: a million rows make ~80 MB of JSON), then the object around them.</summary>
    public static byte[] ToJson(SampleDynamics data)
    {
        (string Name, Action<Utf8JsonWriter> Write)[] columns =
        [
            ("sampleId", w => SampleIdColumn.WriteJson(w, data.SampleIds, data.IntegerIds)),
            ("confidence", w => WriteFloats(w, data.Confidence)),
            ("variability", w => WriteFloats(w, data.Variability)),
            ("correctness", w => WriteFloats(w, data.Correctness)),
            ("forgettings", w => { w.WriteStartArray(); foreach (var v in data.Forgettings) w.WriteNumberValue(v); w.WriteEndArray(); }),
            ("firstLearned", w => { w.WriteStartArray(); foreach (var v in data.FirstLearned) { if (v < 0) w.WriteNullValue(); else w.WriteNumberValue(v); } w.WriteEndArray(); }),
            ("aum", w => WriteFloats(w, data.AreaUnderMargin)),
            ("selfConfidence", w => WriteFloats(w, data.SelfConfidence)),
            ("normalizedMargin", w => WriteFloats(w, data.NormalizedMargin)),
            ("suspect", w => { w.WriteStartArray(); foreach (var v in data.Suspect) w.WriteBooleanValue(v); w.WriteEndArray(); }),
        ];
        var fragments = new byte[columns.Length][];
        Parallel.For(0, columns.Length, c =>
        {
            var buffer = new MemoryStream(data.Count * 12 + 16);
            using (var writer = new Utf8JsonWriter(buffer)) columns[c].Write(writer);
            fragments[c] = buffer.ToArray();
        });
        var result = new MemoryStream(fragments.Sum(f => f.Length) + 256);
        using (var writer = new Utf8JsonWriter(result))
        {
            writer.WriteStartObject();
            writer.WriteString("split", data.Split);
            writer.WriteNumber("epoch", data.Epoch);
            for (var c = 0; c < columns.Length; c++)
            {
                writer.WritePropertyName(columns[c].Name);
                writer.WriteRawValue(fragments[c], skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return result.ToArray();
    }

    static void WriteFloats(Utf8JsonWriter writer, float[] values)
    {
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteNumberValue(value);
        writer.WriteEndArray();
    }

    public static byte[] ToArrow(SampleDynamics data)
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("sampleId").DataType(SampleIdColumn.ArrowType(data.IntegerIds)).Nullable(false))
            .Field(Float("confidence")).Field(Float("variability")).Field(Float("correctness"))
            .Field(f => f.Name("forgettings").DataType(Int32Type.Default).Nullable(false))
            .Field(f => f.Name("firstLearned").DataType(Int64Type.Default).Nullable(true))
            .Field(Float("aum")).Field(Float("selfConfidence")).Field(Float("normalizedMargin"))
            .Field(f => f.Name("suspect").DataType(BooleanType.Default).Nullable(false))
            .Metadata("split", data.Split).Metadata("epoch", data.Epoch.ToString(CultureInfo.InvariantCulture))
            .Build();
        var batch = new RecordBatch(schema,
        [
            SampleIdColumn.ToArrow(data.SampleIds, data.IntegerIds),
            ArrowColumns.Floats(data.Confidence), ArrowColumns.Floats(data.Variability), ArrowColumns.Floats(data.Correctness),
            ArrowColumns.Ints(data.Forgettings), ArrowColumns.LongsOrNull(data.FirstLearned),
            ArrowColumns.Floats(data.AreaUnderMargin), ArrowColumns.Floats(data.SelfConfidence), ArrowColumns.Floats(data.NormalizedMargin),
            ArrowColumns.Booleans(data.Suspect),
        ], data.Count);
        var buffer = new MemoryStream(data.Count * 40 + 4096);
        using (var writer = new ArrowStreamWriter(buffer, schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        return buffer.ToArray();
    }

    static Action<Field.Builder> Float(string name) => f => f.Name(name).DataType(FloatType.Default).Nullable(false);
}
