using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace ClassVisCloud.Api;

/// <summary>The samples route's columns, as JSON (default) or as an Apache Arrow IPC stream.</summary>
public sealed record SampleColumns(string Split, long Epoch, string[] SampleIds, bool IntegerIds, int[] Label, int[] Predicted, float[] Score, int[] Mispredictions)
{
    /// <summary>
    /// What building the answer for <paramref name="samples"/> samples holds at most, either format: the columns and
    /// counts (16 B a sample), the ids if not held yet (about 60 B), the encoding buffer and the body (about 100 B).
    /// </summary>
    public static long EstimatedBytes(int samples) => samples * 200L + 1024 * 1024;

    public byte[] ToJson()
    {
        var buffer = new MemoryStream(SampleIds.Length * 48 + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("split", Split);
            writer.WriteNumber("epoch", Epoch);
            writer.WritePropertyName("sampleId");
            SampleIdColumn.WriteJson(writer, SampleIds, IntegerIds);
            WriteInts(writer, "label", Label);
            WriteInts(writer, "predicted", Predicted);
            writer.WriteStartArray("score");
            foreach (var s in Score) writer.WriteNumberValue(s);
            writer.WriteEndArray();
            WriteInts(writer, "mispredictions", Mispredictions);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    static void WriteInts(Utf8JsonWriter writer, string name, int[] values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values) writer.WriteNumberValue(v);
        writer.WriteEndArray();
    }

    public byte[] ToArrow()
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("sampleId").DataType(SampleIdColumn.ArrowType(IntegerIds)).Nullable(false))
            .Field(f => f.Name("label").DataType(Int32Type.Default).Nullable(false))
            .Field(f => f.Name("predicted").DataType(Int32Type.Default).Nullable(false))
            .Field(f => f.Name("score").DataType(FloatType.Default).Nullable(false))
            .Field(f => f.Name("mispredictions").DataType(Int32Type.Default).Nullable(false))
            .Metadata("split", Split).Metadata("epoch", Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Build();
        var batch = new RecordBatch(schema,
        [
            SampleIdColumn.ToArrow(SampleIds, IntegerIds),
            ArrowColumns.Ints(Label),
            ArrowColumns.Ints(Predicted),
            ArrowColumns.Floats(Score),
            ArrowColumns.Ints(Mispredictions),
        ], SampleIds.Length);
        // Sized for the batch up front: a stream grown by doubling leaves twice the answer as garbage (60 MB at a million samples).
        var buffer = new MemoryStream((int)Math.Min(int.MaxValue, batch.Arrays.Sum(ArrowBytes) + 64 * 1024));
        using (var writer = new ArrowStreamWriter(buffer, schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        return buffer.ToArray();
    }

    /// <summary>The bytes of an array's buffers (the stream adds their padding and a little metadata).</summary>
    static long ArrowBytes(IArrowArray array) => array.Data.Buffers.Sum(b => (long)b.Length) + array.Data.Buffers.Length * 64;
}
