using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>Files made to exhaust an instance settle at once, rejected with the limit they pass, and are not retried.</summary>
public sealed class AbusiveFileTests
{
    /// <summary>A list-form predictions file (Arrow's writer) with the given split and id per row.</summary>
    static byte[] Predictions(IReadOnlyList<string> splits, IReadOnlyList<string> ids)
    {
        var scores = new ListArray.Builder(FloatType.Default);
        var values = (FloatArray.Builder)scores.ValueBuilder;
        var labels = new Int64Array.Builder();
        for (int i = 0; i < ids.Count; i++)
        {
            scores.Append();
            values.Append(0.75f).Append(0.25f);
            labels.Append(0);
        }
        IArrowArray[] arrays = [new StringArray.Builder().AppendRange(ids).Build(), new StringArray.Builder().AppendRange(splits).Build(), labels.Build(), scores.Build()];
        var schema = new Schema.Builder()
            .Field(f => f.Name("sample_id").DataType(StringType.Default))
            .Field(f => f.Name("split").DataType(StringType.Default))
            .Field(f => f.Name("label").DataType(Int64Type.Default))
            .Field(f => f.Name("scores").DataType(new ListType(FloatType.Default)))
            .Build();
        return ArrowParquetFile.Write(schema, arrays, ids.Count);
    }

    static async Task AssertRejectedAsync(TestStorage storage, string reason)
    {
        var epoch = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, "abuse", default))).Json.GetProperty("epochs")[0];
        Assert.Equal("failed", epoch.GetProperty("status").GetString());
        Assert.Contains(reason, epoch.GetProperty("error").GetString());
        var ingest = (await FunctionCall.GetAsync("run=abuse", r => storage.Function<ListIngests>().Run(r, default))).Json.GetProperty("ingests")[0];
        Assert.Equal("rejected", ingest.GetProperty("outcome").GetString());
        Assert.Equal(0, await storage.Get<Analytics.Ingest.ContainerSweeper>().SweepAsync());
    }

    [Fact]
    public async Task A_file_of_400_splits_is_rejected_at_the_65th()
    {
        await using var storage = await TestStorage.CreateAsync();
        var splits = Enumerable.Range(0, 20_000).Select(i => $"split-{i / 50}").ToList();
        var ids = Enumerable.Range(0, 20_000).Select(i => $"s{i}").ToList();
        await storage.UploadAndDeliverAsync("abuse/epoch-1.parquet", Predictions(splits, ids));
        await AssertRejectedAsync(storage, "column 'split' names a 65th split, 'split-64', at row 3200 (sample_id 's3200'); a file may have at most 64 splits");
    }

    [Fact]
    public async Task Sample_ids_of_2000_characters_are_rejected_at_the_first()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ids = Enumerable.Range(0, 1_000).Select(i => $"{i:D6}" + new string('x', 1_994)).ToList();
        await storage.UploadAndDeliverAsync("abuse/epoch-1.parquet", Predictions([.. ids.Select(_ => "train")], ids));
        await AssertRejectedAsync(storage, "column 'sample_id' has 2,000 UTF-8 bytes at row 0 (sample_id '000000xxx");
    }
}
