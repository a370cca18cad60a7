using ClassVisCloud.Api;
using System.Text;
using System.Text.Json;
using ClassVisCloud.Analytics;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Integration.Tests.Dynamics;

/// <summary>
/// A tiny logits run, epochs 1, 4, 6 uploaded in the order 6, 1, 4, sample s3 missing from epoch 4; every value is
/// worked out by hand from the logits below (softmax for probabilities, logit(label) − max other logit for margins).
/// </summary>
public sealed class LogitsRunTests : IAsyncLifetime
{
    const string Run = "tiny-logits";
    const double Tolerance = 1e-6;
    TestStorage storage = null!;

    // s1 (label 0): ✗ ✓ ✓, margins −1, 2, 2. s2 (label 1): ✓ ✗ ✗, margins 2, −1, −1. s3 (label 2): ✗ · ✗, margins −1, −2.
    static readonly Dictionary<int, LogitsRow[]> Epochs = new()
    {
        [1] = [new("s1", 0, 0, 1, 0), new("s2", 1, 0, 2, 0), new("s3", 2, 1, 0, 0)],
        [4] = [new("s1", 0, 2, 0, 0), new("s2", 1, 1, 0, 0)],
        [6] = [new("s1", 0, 3, 1, 0), new("s2", 1, 0, 0, 1), new("s3", 2, 2, 0, 0)],
    };

    public async Task InitializeAsync()
    {
        storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync($"{Run}/run.json", Encoding.UTF8.GetBytes("""{"name": "tiny", "classes": ["a", "b", "c"], "scores": "logits"}"""));
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    async Task UploadAsync(int epoch) => await storage.UploadAndDeliverAsync($"{Run}/epoch-{epoch}.parquet", await LogitsFile.WriteAsync(Epochs[epoch]));

    static Task<FunctionAnswer> Dynamics(TestStorage on, string epoch) =>
        FunctionCall.GetAsync("split=all", r => on.Function<GetEpochDynamics>().Run(r, Run, epoch, default));

    /// <summary>p(label) at one epoch: the softmax of the row's logits.</summary>
    static double P(int epoch, string id)
    {
        var row = Epochs[epoch].Single(r => r.SampleId == id);
        return Math.Exp(row.Scores[row.Label]) / row.Scores.Sum(z => Math.Exp(z));
    }

    static double Mean(params double[] values) => values.Average();
    static double PopulationStd(params double[] values) => Math.Sqrt(values.Average(v => (v - values.Average()) * (v - values.Average())));

    static double[] Doubles(JsonElement answer, string column) => answer.GetProperty(column).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    [Fact]
    public async Task Every_statistic_matches_the_hand_computed_values_whatever_order_the_epochs_came_in()
    {
        await UploadAsync(6);
        var alone = Doubles((await Dynamics(storage, "6")).Json, "aum");
        Assert.Equal(new double[] { 2, -1, -2 }, alone);  // epoch 6 alone
        await UploadAsync(1);
        var twoEpochs = Doubles((await Dynamics(storage, "6")).Json, "aum");
        Assert.Equal(new double[] { 0.5, 0.5, -1.5 }, twoEpochs);  // epochs 1 and 6
        await UploadAsync(4);
        var json = (await Dynamics(storage, "6")).Json;

        Assert.Equal(["s1", "s2", "s3"], DynamicsOracle.Strings(json.GetProperty("sampleId")));
        Assert.Equal([1, 0, -1.5], Doubles(json, "aum"));                       // (−1+2+2)/3, (2−1−1)/3, (−1−2)/2
        Assert.Equal([false, false, true], json.GetProperty("suspect").EnumerateArray().Select(x => x.GetBoolean()));
        Assert.Equal([2 / 3.0, 1 / 3.0, 0], Doubles(json, "correctness"), new ToleranceComparer());
        Assert.Equal([0, 1, 0], json.GetProperty("forgettings").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal("[4,null,null]", json.GetProperty("firstLearned").GetRawText());

        double[] confidence = [Mean(P(1, "s1"), P(4, "s1"), P(6, "s1")), Mean(P(1, "s2"), P(4, "s2"), P(6, "s2")), Mean(P(1, "s3"), P(6, "s3"))];
        Assert.Equal(confidence, Doubles(json, "confidence"), new ToleranceComparer());
        double[] variability = [PopulationStd(P(1, "s1"), P(4, "s1"), P(6, "s1")), PopulationStd(P(1, "s2"), P(4, "s2"), P(6, "s2")), PopulationStd(P(1, "s3"), P(6, "s3"))];
        Assert.Equal(variability, Doubles(json, "variability"), new ToleranceComparer());
        Assert.Equal([P(6, "s1"), P(6, "s2"), P(6, "s3")], Doubles(json, "selfConfidence"), new ToleranceComparer());
        // At epoch 6: s1 logits 3, 1, 0 → p0 − p1; s2 0, 0, 1 → p1 − p2; s3 2, 0, 0 → p2 − p0.
        static double Softmax(int k, params double[] z) => Math.Exp(z[k]) / z.Sum(Math.Exp);
        double[] normalized =
        [
            (Softmax(0, 3, 1, 0) - Softmax(1, 3, 1, 0) + 1) / 2,
            (Softmax(1, 0, 0, 1) - Softmax(2, 0, 0, 1) + 1) / 2,
            (Softmax(2, 2, 0, 0) - Softmax(0, 2, 0, 0) + 1) / 2,
        ];
        Assert.Equal(normalized, Doubles(json, "normalizedMargin"), new ToleranceComparer());
    }

    [Fact]
    public async Task Suspects_name_the_label_and_the_class_the_model_preferred_most_often()
    {
        foreach (var epoch in new[] { 1, 4, 6 }) await UploadAsync(epoch);
        var answer = await FunctionCall.GetAsync("", r => storage.Function<GetEpochSuspects>().Run(r, Run, "6", default));
        var suspect = Assert.Single(answer.Json.GetProperty("suspects").EnumerateArray());
        Assert.Equal("s3", suspect.GetProperty("sampleId").GetString());
        Assert.Equal("c", suspect.GetProperty("labelName").GetString());
        Assert.Equal("a", suspect.GetProperty("likelyName").GetString());  // predicted a at 1 and at 6
        Assert.Equal(-1.5, suspect.GetProperty("aum").GetDouble(), Tolerance);
        Assert.Equal(2, suspect.GetProperty("mispredictions").GetInt32());
    }

    [Fact]
    public async Task A_cold_instance_answers_from_the_persisted_state_without_the_epochs_columns()
    {
        foreach (var epoch in new[] { 1, 4, 6 }) await UploadAsync(epoch);
        var warm = await Dynamics(storage, "6");

        // A second instance: its own (empty) cache, the same storage; the epochs' data partitions are gone, so only
        // the persisted state can give the answer (it holds the sample ids too).
        await using var cold = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddClassVisCloudApi(storage.Options).BuildServiceProvider();
        await foreach (var entity in storage.Storage.Data.Table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
            await storage.Storage.Data.Table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        var answer = await FunctionCall.GetAsync("split=all", r => ActivatorUtilities.CreateInstance<GetEpochDynamics>(cold).Run(r, Run, "6", default));
        Assert.Equal(200, answer.Status);
        Assert.Equal(warm.Text, answer.Text);
    }

    [Fact]
    public async Task Every_ingest_prepares_the_newest_epochs_dynamics_a_late_one_too_with_the_whole_history()
    {
        var checkpoints = storage.Get<DynamicsCheckpoints>();
        async Task<List<string>> StatesAsync() => [.. (await checkpoints.ListAsync(Run, "all")).Where(n => !n.EndsWith(".suspects", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        await UploadAsync(1);
        await UploadAsync(6);
        // Epochs 1 and 6 each arrived as the newest: the states over {1} and {1, 6} are persisted, before any request.
        Assert.Equal(2, (await StatesAsync()).Count);
        await UploadAsync(4);
        // The late epoch changed epoch 6's history: the ingest folded 4 and 6 onto the state over {1}; the state over {1, 6} is gone.
        var view = await Analytics.Queries.RunView.LoadAsync(storage.Storage, Run, default);
        Assert.Equal([$"{Run}/all/0000000000000000001-{DynamicsChain.Of(view, 1, "all")[^1].Hash}", $"{Run}/all/0000000000000000006-{DynamicsChain.Of(view, 6, "all")[^1].Hash}"],
            await StatesAsync());
        var aum = Doubles((await Dynamics(storage, "6")).Json, "aum");
        Assert.Equal(new double[] { 1, 0, -1.5 }, aum);
    }

    sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= Tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
