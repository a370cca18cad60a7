using System.Text.Json;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>One Azurite corner for the whole matrix; each file goes under a run name of its own.</summary>
public sealed class WriterMatrixStorage : IAsyncLifetime
{
    public TestStorage Storage { get; private set; } = null!;
    public async Task InitializeAsync() => Storage = await TestStorage.CreateAsync();
    public async Task DisposeAsync() => await Storage.DisposeAsync();
}

/// <summary>
/// "Any Parquet writer works": every file of the writer matrix (tests/writers, generated at test time by ./test.sh
/// into CVC_WRITER_MATRIX, plus Parquet.Net's and ParquetSharp's Arrow writer's files written here) is uploaded with
/// the run's run.json under a fresh run name, delivered to the ingest, and its run summary must give, per split,
/// the samples and the correct predictions that DuckDB computes from the same file. The file whose scores are
/// JSON text must end rejected, naming `scores`.
/// </summary>
public sealed class WriterMatrixTests(WriterMatrixStorage fixture, ITestOutputHelper output) : IClassFixture<WriterMatrixStorage>
{
    const string Missing = "(no writer matrix)";

    /// <summary>The matrix's file names; without a matrix, one case that fails saying why (never an empty theory).</summary>
    public static IEnumerable<object[]> Files() =>
        WriterMatrix.Problem() is not null
            ? [[Missing]]
            : WriterMatrix.Current.Cases.Select(c => new object[] { c.File });

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_file_ingests_with_DuckDBs_samples_and_correct_per_split(string file)
    {
        if (WriterMatrix.Problem() is { } problem) Assert.Fail(problem);
        var matrix = WriterMatrix.Current;
        var c = matrix.Find(file);
        var storage = fixture.Storage;
        var run = "wm-" + Path.GetFileNameWithoutExtension(file).Replace('.', '-');

        await storage.UploadAndDeliverAsync($"{run}/run.json", await File.ReadAllBytesAsync(Path.Combine(matrix.Folder, "run.json")));
        await storage.UploadAndDeliverAsync($"{run}/epoch-{c.Epoch}.parquet", await matrix.ReadAsync(c));

        var summary = (await FunctionCall.GetAsync("", r => storage.Function<GetRun>().Run(r, run, default))).Json;
        var epoch = summary.GetProperty("epochs").EnumerateArray().Single(e => e.GetProperty("epoch").GetInt32() == c.Epoch);
        var status = epoch.GetProperty("status").GetString();
        var error = epoch.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var what = $"{file} ({c.Writer}; {c.Options})";
        output.WriteLine($"{what}: {status}{(error is null ? "" : ": " + error)}");

        if (c.Reject is { } column)
        {
            Assert.True(status == "failed", $"{what} must be rejected naming `{column}`, but its epoch is {status}");
            Assert.True(error?.Contains(column) == true, $"{what}: the reason does not name `{column}`: {error}");
            var ingest = (await FunctionCall.GetAsync($"run={run}", r => storage.Function<ListIngests>().Run(r, default))).Json
                .GetProperty("ingests").EnumerateArray().Single(i => i.GetProperty("blob").GetString() == $"{run}/epoch-{c.Epoch}.parquet");
            Assert.Equal("rejected", ingest.GetProperty("outcome").GetString());
            Assert.Contains(column, ingest.GetProperty("reason").GetString());
            return;
        }

        Assert.True(status == "ok", $"{what} did not ingest: {status}: {error}");
        var splits = epoch.GetProperty("splits");
        Assert.Equal(c.Splits.Keys.Order(), splits.EnumerateObject().Select(s => s.Name).Order());
        foreach (var (name, (samples, correct)) in c.Splits)
        {
            var split = splits.GetProperty(name);
            Assert.True(samples == split.GetProperty("samples").GetInt32() && correct == split.GetProperty("correct").GetInt32(),
                $"{what}, split {name}: DuckDB counts {correct}/{samples} correct, the run summary {split.GetProperty("correct").GetInt32()}/{split.GetProperty("samples").GetInt32()}");
            Assert.Equal((double)correct / samples, split.GetProperty("accuracy").GetDouble(), 9);
        }
    }
}
