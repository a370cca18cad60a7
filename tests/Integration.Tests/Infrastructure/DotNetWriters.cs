using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet.Schema;
using Field = Apache.Arrow.Field;
using Schema = Apache.Arrow.Schema;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>
/// The rows of a predictions file as Apache Arrow's C++ reader (ParquetSharp.Arrow.FileReader) gives them: not
/// through the product's reader, so the .NET writers of the matrix copy data that no code under test has touched.
/// </summary>
public sealed record PredictionRows(string[] SampleIds, string[] Splits, int[] Labels, float[][] Scores, int Epoch)
{
    public int Count => SampleIds.Length;

    /// <summary>The digits of a string sample id ("f-00042" → 42), for the files that write integer ids.</summary>
    public long IntegerId(int row) => long.Parse(new string(SampleIds[row].Where(char.IsAsciiDigit).ToArray()));

    public static PredictionRows Read(string path)
    {
        var ids = new List<string>();
        var splits = new List<string>();
        var labels = new List<int>();
        var scores = new List<float[]>();
        var epoch = -1;
        using var reader = new ParquetSharp.Arrow.FileReader(path);
        using var batches = reader.GetRecordBatchReader();
        while (batches.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                var id = (StringArray)batch.Column("sample_id");
                var split = (StringArray)batch.Column("split");
                var label = (Int32Array)batch.Column("label");
                var list = (ListArray)batch.Column("scores");
                var values = (FloatArray)list.Values;
                var epochs = (Int32Array)batch.Column("epoch");
                for (var row = 0; row < batch.Length; row++)
                {
                    ids.Add(id.GetString(row)!);
                    splits.Add(split.GetString(row)!);
                    labels.Add(label.GetValue(row)!.Value);
                    var start = list.ValueOffsets[row];
                    scores.Add(values.Values.Slice(start, list.ValueOffsets[row + 1] - start).ToArray());
                    epoch = epochs.GetValue(row)!.Value;
                }
            }
        }
        return new PredictionRows([.. ids], [.. splits], [.. labels], [.. scores], epoch);
    }
}

/// <summary>A .NET writer of the matrix: Parquet.Net (the package our users' design names) or ParquetSharp's Arrow writer (pyarrow's engine).</summary>
public abstract class DotNetWriter
{
    public static IReadOnlyList<DotNetWriter> All { get; } =
        [new ParquetNetList(), new ParquetNetWide(), new ArrowCppList(), new ArrowCppWide()];

    public abstract string Writer { get; }
    public abstract string Variant { get; }
    public abstract string Form { get; }
    public abstract string Options { get; }
    public string FileName(int epoch) => $"{Writer}-{Variant}-{Form}-e{epoch}.parquet";

    public abstract Task<byte[]> WriteAsync(PredictionRows rows, IReadOnlyList<string> classes);

    // ------------------------------------------------------------------ Parquet.Net

    static async Task<byte[]> ParquetNetAsync(ParquetSchema schema, Func<Parquet.ParquetRowGroupWriter, Task> write)
    {
        var output = new MemoryStream();
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(schema, output))
        {
            using var group = writer.CreateRowGroup();
            await write(group);
            group.CompleteValidate();
        }
        return output.ToArray();
    }

    sealed class ParquetNetList : DotNetWriter
    {
        public override string Writer => "parquet.net";
        public override string Variant => "default";
        public override string Form => "list";
        public override string Options => "Parquet.Net 6.1 defaults (snappy); sample_id string (required), split string (optional), label int64, scores 3-level list<double>, epoch int32";

        public override Task<byte[]> WriteAsync(PredictionRows rows, IReadOnlyList<string> classes)
        {
            DataField<string> id = new("sample_id", false), split = new("split", true);
            DataField<long> label = new("label");
            var scores = new ListField("scores", new DataField<double>("element"));
            var element = (DataField)scores.Item;
            DataField<int> epoch = new("epoch");
            return ParquetNetAsync(new ParquetSchema(id, split, label, scores, epoch), async group =>
            {
                await group.WriteAsync(id, rows.SampleIds);
                await group.WriteAsync(split, rows.Splits);
                await group.WriteAsync<long>(label, rows.Labels.Select(l => (long)l).ToArray());
                var values = rows.Scores.SelectMany(s => s.Select(x => (double)x)).ToArray();
                var definition = Enumerable.Repeat(element.MaxDefinitionLevel, values.Length).ToArray();
                var repetition = rows.Scores.SelectMany(s => s.Select((_, k) => k == 0 ? 0 : 1)).ToArray();
                await group.WriteAllPartsAsync<double>(element, values, definition, repetition, CancellationToken.None);
                await group.WriteAsync<int>(epoch, Enumerable.Repeat(rows.Epoch, rows.Count).ToArray());
            });
        }
    }

    sealed class ParquetNetWide : DotNetWriter
    {
        public override string Writer => "parquet.net";
        public override string Variant => "default";
        public override string Form => "wide";
        public override string Options => "Parquet.Net 6.1 defaults (snappy); sample_id int64, split string (required), label int32, score_<class> float, epoch int32";

        public override Task<byte[]> WriteAsync(PredictionRows rows, IReadOnlyList<string> classes)
        {
            DataField<long> id = new("sample_id");
            DataField<string> split = new("split", false);
            DataField<int> label = new("label"), epoch = new("epoch");
            var scores = classes.Select(c => new DataField<float>("score_" + c)).ToArray();
            return ParquetNetAsync(new ParquetSchema([id, split, label, .. scores, epoch]), async group =>
            {
                await group.WriteAsync<long>(id, Enumerable.Range(0, rows.Count).Select(rows.IntegerId).ToArray());
                await group.WriteAsync(split, rows.Splits);
                await group.WriteAsync<int>(label, rows.Labels);
                for (var k = 0; k < scores.Length; k++)
                    await group.WriteAsync<float>(scores[k], rows.Scores.Select(s => s[k]).ToArray());
                await group.WriteAsync<int>(epoch, Enumerable.Repeat(rows.Epoch, rows.Count).ToArray());
            });
        }
    }

    // ------------------------------------------------------------------ ParquetSharp's Arrow writer (Arrow C++: pyarrow's engine)

    static byte[] ArrowCpp(Schema schema, IArrowArray[] columns, int length, ParquetSharp.WriterProperties properties)
    {
        var output = new MemoryStream();
        using var arrowProperties = new ParquetSharp.Arrow.ArrowWriterPropertiesBuilder().StoreSchema().Build();
        using (var writer = new ParquetSharp.Arrow.FileWriter(output, schema, properties, arrowProperties, leaveOpen: true))
        {
            using var batch = new RecordBatch(schema, columns, length);
            writer.WriteRecordBatch(batch);
            writer.Close();
        }
        return output.ToArray();
    }

    static Field Nullable(string name, IArrowType type) => new(name, type, nullable: true);

    static StringArray Strings(IEnumerable<string> values) => new StringArray.Builder().AppendRange(values).Build();

    sealed class ArrowCppList : DotNetWriter
    {
        public override string Writer => "parquetsharp-arrow";
        public override string Variant => "default";
        public override string Form => "list";
        public override string Options => "ParquetSharp 25.0.1.2 Arrow FileWriter with pyarrow's defaults (snappy, data page v1, dictionary, Arrow schema stored); nullable columns; label int64, scores list<float>, epoch int64";

        public override Task<byte[]> WriteAsync(PredictionRows rows, IReadOnlyList<string> classes)
        {
            var scores = new ListArray.Builder(FloatType.Default);
            var values = (FloatArray.Builder)scores.ValueBuilder;
            foreach (var row in rows.Scores) { scores.Append(); values.AppendRange(row); }
            var schema = new Schema([
                Nullable("sample_id", StringType.Default), Nullable("split", StringType.Default), Nullable("label", Int64Type.Default),
                Nullable("scores", new ListType(new Field("element", FloatType.Default, true))), Nullable("epoch", Int64Type.Default)], null);
            IArrowArray[] columns = [
                Strings(rows.SampleIds), Strings(rows.Splits),
                new Int64Array.Builder().AppendRange(rows.Labels.Select(l => (long)l)).Build(),
                scores.Build(),
                new Int64Array.Builder().AppendRange(Enumerable.Repeat((long)rows.Epoch, rows.Count)).Build()];
            using var properties = new ParquetSharp.WriterPropertiesBuilder().Compression(ParquetSharp.Compression.Snappy).Build();
            return Task.FromResult(ArrowCpp(schema, columns, rows.Count, properties));
        }
    }

    sealed class ArrowCppWide : DotNetWriter
    {
        public override string Writer => "parquetsharp-arrow";
        public override string Variant => "v2";
        public override string Form => "wide";
        public override string Options => "ParquetSharp 25.0.1.2 Arrow FileWriter, data page v2, zstd, dictionary; nullable columns; label int32, score_<class> double, epoch int32";

        public override Task<byte[]> WriteAsync(PredictionRows rows, IReadOnlyList<string> classes)
        {
            var fields = new List<Field> { Nullable("sample_id", StringType.Default), Nullable("split", StringType.Default), Nullable("label", Int32Type.Default) };
            var columns = new List<IArrowArray> { Strings(rows.SampleIds), Strings(rows.Splits), new Int32Array.Builder().AppendRange(rows.Labels).Build() };
            for (var k = 0; k < classes.Count; k++)
            {
                fields.Add(Nullable("score_" + classes[k], DoubleType.Default));
                columns.Add(new DoubleArray.Builder().AppendRange(rows.Scores.Select(s => (double)s[k])).Build());
            }
            fields.Add(Nullable("epoch", Int32Type.Default));
            columns.Add(new Int32Array.Builder().AppendRange(Enumerable.Repeat(rows.Epoch, rows.Count)).Build());
            using var properties = new ParquetSharp.WriterPropertiesBuilder()
                .Compression(ParquetSharp.Compression.Zstd)
                .DataPageVersion(ParquetSharp.ParquetDataPageVersion.V2)
                .Build();
            return Task.FromResult(ArrowCpp(new Schema(fields, null), [.. columns], rows.Count, properties));
        }
    }
}
