using System.Globalization;
using System.Text.Json;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api.Export;

/// <summary>
/// Every export of the real run, parsed strictly with the types its Power Query script declares, against the same
/// numbers computed by DuckDB from the Parquet files: counts equal, ratios equal to the double, means and losses to
/// the float's precision. And the exports hold the JSON routes' own values (one computation, two encodings).
/// </summary>
[Collection(RealRunCollection.Name)]
public sealed class ExportRoutesTests(RealRunFixture fixture) : IDisposable
{
    readonly DuckDb db = Expectations();
    TestStorage Storage => fixture.Storage;

    static DuckDb Expectations()
    {
        var db = new DuckDb();
        var folder = RealRun.Folder;
        db.Run($"""
            create table p as
            select cast(regexp_extract(filename, 'epoch-([0-9]+)\.parquet$', 1) as bigint) as epoch, sample_id, split, label, scores,
                   list_position(scores, list_max(scores)) - 1 as predicted
            from read_parquet({DuckDb.Literal(Path.Combine(folder, "epoch-*.parquet"))}, filename = true)
            """);
        db.Run($"""
            create table names as
            select unnest(range(len(classes))) as class_index, unnest(classes) as class_name
            from read_json_auto({DuckDb.Literal(Path.Combine(folder, "run.json"))})
            """);
        return db;
    }

    /// <summary>Rows of the outer join that differ, shown in the failure message; none is the pass.</summary>
    void AssertNone(string what, string mismatchSql)
    {
        var rows = db.Rows(mismatchSql);
        Assert.True(rows.Count == 0, $"{what}: {rows.Count} rows differ, first: {string.Join(" | ", rows.Take(3).Select(r => string.Join(", ", r)))}");
    }

    [Fact]
    public async Task runs_csv_has_the_run_with_its_name_classes_epochs_and_last_epoch_samples()
    {
        await ExportFiles.LoadAsync(db, Storage, "runs.csv", "csv");
        var manifestName = JsonDocument.Parse(RealRun.Read("run.json")).RootElement.GetProperty("name").GetString()!;
        var row = db.Rows($"select name, classes, epochs, last_epoch, samples, status, epoch(updated) from csv where run = {DuckDb.Literal(RealRun.Name)}").Single();
        Assert.Equal(manifestName, row[0]);
        Assert.Equal(db.Scalar<long>("select count(*) from names"), row[1]);
        Assert.Equal(db.Scalar<long>("select count(distinct epoch) from p"), row[2]);
        Assert.Equal(db.Scalar<long>("select max(epoch) from p"), row[3]);
        Assert.Equal(db.Scalar<long>("select count(*) from p where epoch = (select max(epoch) from p)"), row[4]);
        Assert.Equal("ok", row[5]);
        Assert.InRange(Convert.ToDouble(row[6], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task classes_csv_is_the_manifests_classes_in_order()
    {
        await ExportFiles.LoadAsync(db, Storage, "classes.csv", "csv", $"run={RealRun.Name}");
        Assert.Equal(20, db.Scalar<long>("select count(*) from csv"));
        AssertNone("classes", """
            select * from csv full outer join names using (class_index)
            where csv.class_name is distinct from names.class_name or csv.run is distinct from 'fortunes-han'
            """);
    }

    [Fact]
    public async Task epochs_csv_has_samples_correct_accuracy_and_loss_of_every_epoch_and_split()
    {
        await ExportFiles.LoadAsync(db, Storage, "epochs.csv", "csv", $"run={RealRun.Name}");
        Assert.Equal(36, db.Scalar<long>("select count(*) from csv"));
        AssertNone("epochs", """
            with e as (select epoch, split, count(*) as samples, count(*) filter (where predicted = label) as correct,
                              avg(-ln(greatest(scores[label + 1]::double, 1e-12))) as loss from p group by all)
            select * from csv full outer join e using (epoch, split)
            where csv.samples is distinct from e.samples or csv.correct is distinct from e.correct
               or csv.accuracy is distinct from e.correct / e.samples or abs(csv.loss - e.loss) > 1e-6 * e.loss
               or csv.status is distinct from 'ok' or csv.run is distinct from 'fortunes-han'
            """);
    }

    [Fact]
    public async Task class_epochs_csv_has_every_class_of_every_epoch_and_split_as_DuckDB_counts_them()
    {
        await ExportFiles.LoadAsync(db, Storage, "class-epochs.csv", "csv", $"run={RealRun.Name}");
        Assert.Equal(18 * 2 * 20, db.Scalar<long>("select count(*) from csv"));
        AssertNone("class-epochs", """
            with cells as (select distinct epoch, split from p),
                 e as (select c.epoch, c.split, n.class_index, n.class_name,
                              (select count(*) from p where p.epoch = c.epoch and p.split = c.split and p.label = n.class_index) as labelled,
                              (select count(*) from p where p.epoch = c.epoch and p.split = c.split and p.predicted = n.class_index) as predicted,
                              (select count(*) from p where p.epoch = c.epoch and p.split = c.split and p.predicted = n.class_index and p.label = n.class_index) as correct,
                              coalesce((select avg(scores[predicted + 1]::double) from p where p.epoch = c.epoch and p.split = c.split and p.predicted = n.class_index), 0) as mean_score
                       from cells c cross join names n)
            select * from csv full outer join e using (epoch, split, class_index)
            where csv.class_name is distinct from e.class_name or csv.labelled is distinct from e.labelled
               or csv.predicted is distinct from e.predicted or csv.correct is distinct from e.correct
               or abs(csv.mean_score - e.mean_score) > 1e-6
            """);
    }

    [Fact]
    public async Task confusion_csv_has_every_non_zero_cell_of_every_epoch_and_one_epoch_when_asked()
    {
        const string expected = """
            with e as (select epoch, split, label as true_index, predicted as predicted_index, count(*) as count from p group by all)
            select * from csv full outer join e using (epoch, split, true_index, predicted_index)
            left join names t on t.class_index = true_index left join names q on q.class_index = predicted_index
            where csv.count is distinct from e.count or csv.true_name is distinct from t.class_name or csv.predicted_name is distinct from q.class_name
            """;
        await ExportFiles.LoadAsync(db, Storage, "confusion.csv", "csv", $"run={RealRun.Name}");
        Assert.Equal(0, db.Scalar<long>("select count(*) from csv where count <= 0"));
        AssertNone("confusion", expected);

        await ExportFiles.LoadAsync(db, Storage, "confusion.csv", "csv", $"run={RealRun.Name}&epoch=7");
        Assert.Equal(0, db.Scalar<long>("select count(*) from csv where epoch <> 7"));
        AssertNone("confusion at epoch 7", expected.Replace("from p group by all", "from p where epoch = 7 group by all"));
    }

    [Theory]
    [InlineData("validation", 18)]
    [InlineData("train", 9)]
    public async Task suspects_csv_ranks_the_label_issues_by_area_under_the_margin_as_DuckDB_does(string split, int epoch)
    {
        await ExportFiles.LoadAsync(db, Storage, "suspects.csv", "csv", $"run={RealRun.Name}&split={split}&epoch={epoch}");
        var expected = $"""
            with h as (select *, scores[label + 1]::double as pl,
                              scores[label + 1]::double - list_max(list_filter(scores, (x, i) -> i <> label + 1))::double as margin
                       from p where split = '{split}' and epoch <= {epoch}),
                 votes as (select sample_id, predicted, count(*) as n from h group by all),
                 likely as (select sample_id, first(predicted order by n desc, predicted) as likely from votes group by all),
                 s as (select sample_id, avg(margin) as aum, avg(pl) as confidence, count(*) filter (where predicted <> label) as mispredictions,
                              arg_max(label, epoch) as label from h group by all having avg(margin) < 0),
                 e as (select row_number() over (order by aum, sample_id) as rank, s.*, likely from s join likely using (sample_id))
            select * from csv full outer join e using (rank)
            left join names l on l.class_index = e.label left join names k on k.class_index = e.likely
            where csv.sample_id is distinct from e.sample_id or abs(csv.aum - e.aum) > 1e-6 or abs(csv.confidence - e.confidence) > 1e-6
               or csv.mispredictions is distinct from e.mispredictions or csv.label_name is distinct from l.class_name
               or csv.likely_name is distinct from k.class_name or csv.epoch is distinct from {epoch} or csv.split is distinct from '{split}'
            """;
        Assert.True(db.Scalar<long>("select count(*) from csv") > 0, "the real run has suspects");
        AssertNone($"suspects of {split} at {epoch}", expected);
    }

    [Fact]
    public async Task The_exports_hold_the_JSON_routes_own_values_to_the_last_digit()
    {
        var json = (await FunctionCall.GetAsync("split=train&limit=50", r => Storage.Function<GetEpochSuspects>().Run(r, RealRun.Name, "18", default))).Json;
        await ExportFiles.LoadAsync(db, Storage, "suspects.csv", "csv", $"run={RealRun.Name}&split=train&epoch=18&limit=50");
        var rows = db.Rows("select sample_id, aum::float, confidence::float, mispredictions from csv order by rank");
        var suspects = json.GetProperty("suspects").EnumerateArray().ToList();
        Assert.Equal(suspects.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(suspects[i].GetProperty("sampleId").GetString(), rows[i][0]);
            Assert.Equal(suspects[i].GetProperty("aum").GetSingle(), (float)rows[i][1]!);
            Assert.Equal(suspects[i].GetProperty("confidence").GetSingle(), (float)rows[i][2]!);
            Assert.Equal(suspects[i].GetProperty("mispredictions").GetInt32(), Convert.ToInt32(rows[i][3], CultureInfo.InvariantCulture));
        }

        var classes = (await FunctionCall.GetAsync("split=validation", r => Storage.Function<GetEpochClasses>().Run(r, RealRun.Name, "11", default))).Json;
        await ExportFiles.LoadAsync(db, Storage, "class-epochs.csv", "csv", $"run={RealRun.Name}");
        var means = db.Rows("select mean_score from csv where epoch = 11 and split = 'validation' order by class_index").Select(r => (double)r[0]!).ToList();
        Assert.Equal(classes.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("meanScore").GetDouble()), means);
    }

    public void Dispose() => db.Dispose();
}
