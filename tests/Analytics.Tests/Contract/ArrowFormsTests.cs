using Apache.Arrow;
using Apache.Arrow.Types;
using ClassVisCloud.Analytics.Contract;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>
/// Every physical form an Arrow-based writer (pyarrow, arrow-rs, polars) may give a contract column reads to the same
/// epoch: the files are written with Arrow's own Parquet writer (ParquetSharp), which keeps the Arrow types.
/// </summary>
public class ArrowFormsTests
{
    private static readonly string[] Ids = ["b", "a", "c"];
    private static readonly long[] Labels = [1, 0, 1];
    private static readonly float[][] Scores = [[0.25f, 0.75f], [0.5f, 0.5f], [0.125f, 0.875f]];

    /// <summary>Writes the columns with their Arrow schema stored (as pyarrow does), checks the file keeps their types, reads it.</summary>
    private static async Task<EpochPredictions> ReadAsync(params (string Name, IArrowArray Array)[] columns)
    {
        var schema = new Schema.Builder();
        foreach (var (name, array) in columns) schema.Field(f => f.Name(name).DataType(array.Data.DataType).Nullable(true));
        var built = schema.Build();
        string path = Path.GetTempFileName();
        try
        {
            using (var arrowProperties = new ParquetSharp.Arrow.ArrowWriterPropertiesBuilder().StoreSchema().Build())
            using (var writer = new ParquetSharp.Arrow.FileWriter(path, built, arrowProperties: arrowProperties))
                writer.WriteRecordBatch(new RecordBatch(built, columns.Select(c => c.Array), Ids.Length));
            using (var check = new ParquetSharp.Arrow.FileReader(path))
            {
                foreach (var (name, array) in columns)
                    Assert.Equal(array.Data.DataType.TypeId, check.Schema.GetFieldByName(name).DataType.TypeId);
            }
            await using var stream = File.OpenRead(path);
            return await PredictionsReader.ReadAsync(stream, Context(epoch: 3), CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertTheEpoch(EpochPredictions epoch, string[]? ids = null)
    {
        var split = Assert.Single(epoch.Splits);
        Assert.Equal(ids ?? ["a", "b", "c"], split.SampleIds);
        Assert.Equal([0, 1, 1], split.Labels);
        Assert.Equal([0.5f, 0.5f, 0.25f, 0.75f, 0.125f, 0.875f], split.Probabilities);
    }

    private static IArrowArray FloatList() => new ListArray.Builder(FloatType.Default).Also(b =>
    {
        foreach (var row in Scores) { b.Append(); foreach (var v in row) ((FloatArray.Builder)b.ValueBuilder).Append(v); }
    }).Build();

    private static IArrowArray Strings(IEnumerable<string> values) => new StringArray.Builder().AppendRange(values).Build();

    private static IArrowArray Labels64() => new Int64Array.Builder().AppendRange(Labels).Build();

    [Fact]
    public async Task Large_strings_and_large_lists_of_doubles()
    {
        var ids = new LargeStringArray.Builder().AppendRange(Ids).Build();
        var scores = new LargeListArray.Builder(DoubleType.Default);
        foreach (var row in Scores) { scores.Append(); foreach (var v in row) ((DoubleArray.Builder)scores.ValueBuilder).Append(v); }
        AssertTheEpoch(await ReadAsync(("sample_id", ids), ("label", Labels64()), ("scores", scores.Build())));
    }

    [Fact]
    public async Task Fixed_size_lists()
    {
        var values = new FloatArray.Builder().AppendRange(Scores.SelectMany(r => r)).Build();
        var scores = new FixedSizeListArray(new FixedSizeListType(new Field("item", FloatType.Default, true), 2), Ids.Length, values, ArrowBuffer.Empty, 0, 0);
        AssertTheEpoch(await ReadAsync(("sample_id", Strings(Ids)), ("label", Labels64()), ("scores", scores)));
    }

    [Fact]
    public async Task Dictionary_encoded_ids_labels_and_splits()
    {
        var dictionary = new DictionaryArray(new DictionaryType(Int8Type.Default, StringType.Default, false),
            new Int8Array.Builder().AppendRange([1, 0, 2]).Build(), Strings(["a", "b", "c"]));
        var labels = new DictionaryArray(new DictionaryType(Int16Type.Default, StringType.Default, false),
            new Int16Array.Builder().AppendRange([1, 0, 1]).Build(), Strings(["cat", "dog"]));
        var splits = new DictionaryArray(new DictionaryType(Int32Type.Default, StringType.Default, false),
            new Int32Array.Builder().AppendRange([0, 0, 0]).Build(), Strings(["validation"]));
        var epoch = await ReadAsync(("sample_id", dictionary), ("label", labels), ("split", splits), ("scores", FloatList()));
        AssertTheEpoch(epoch);
        Assert.Equal(["cat", "dog"], epoch.ClassNames);
        Assert.Equal("validation", epoch.Splits[0].Name);
    }

    [Fact]
    public async Task Unsigned_and_narrow_integers()
    {
        var ids = new UInt64Array.Builder().AppendRange([ulong.MaxValue, 7, 8]).Build();
        var labels = new UInt8Array.Builder().AppendRange([1, 0, 1]).Build();
        var epochs = new Int16Array.Builder().AppendRange([3, 3, 3]).Build();
        var epoch = await ReadAsync(("sample_id", ids), ("label", labels), ("scores", FloatList()), ("epoch", epochs));
        // Integer ids are kept as decimal strings, sorted ordinal.
        Assert.Equal(["18446744073709551615", "7", "8"], epoch.Splits[0].SampleIds);
        Assert.Equal([1, 0, 1], epoch.Splits[0].Labels);
    }

    [Fact]
    public async Task Nullable_columns_that_hold_a_null_name_it()
    {
        var ids = new StringArray.Builder().Append("a").AppendNull().Append("c").Build();
        var reason = await TestFiles.Reject.WithReasonAsync(() => ReadAsync(("sample_id", ids), ("label", Labels64()), ("scores", FloatList())),
            "column 'sample_id' is null at row 1");
        Assert.DoesNotContain("sample_id '", reason);
    }
}

internal static class BuilderExtensions
{
    /// <summary>Runs <paramref name="fill"/> on the builder and returns it, so a builder can be filled in an expression.</summary>
    public static T Also<T>(this T builder, Action<T> fill)
    {
        fill(builder);
        return builder;
    }
}
