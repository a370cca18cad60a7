using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api.Export;

/// <summary>Every bad argument is a JSON 400 or 404 that says why, before any byte of a file; a run with nothing complete is a header-only file.</summary>
[Collection(RealRunCollection.Name)]
public sealed class ExportErrorTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    [Theory]
    [InlineData("classes.csv", "run=bad%20name", 400, "invalid run")]
    [InlineData("epochs.csv", "run=.hidden", 400, "invalid run")]
    [InlineData("class-epochs.csv", "run=no-such-run", 404, "no run 'no-such-run'")]
    [InlineData("confusion.csv", "run=fortunes-han&epoch=-1", 400, "invalid epoch '-1'")]
    [InlineData("confusion.csv", "epoch=1.5", 400, "invalid epoch '1.5'")]
    [InlineData("confusion.csv", "run=fortunes-han&epoch=99", 404, "run 'fortunes-han' has no epoch 99")]
    [InlineData("suspects.csv", "run=fortunes-han&limit=0", 400, "invalid limit '0'")]
    [InlineData("suspects.csv", "limit=10001", 400, "invalid limit '10001'")]
    [InlineData("suspects.csv", "run=fortunes-han&epoch=abc", 400, "invalid epoch 'abc'")]
    [InlineData("suspects.csv", "run=fortunes-han&split=test", 404, "run 'fortunes-han' has no complete epoch with split 'test'")]
    [InlineData("suspects.csv", "run=fortunes-han&epoch=3&split=test", 404, "epoch 3 has no split 'test'")]
    [InlineData("suspects.csv", "split=a%00b", 400, "the split holds a control character")]
    public async Task A_bad_argument_is_a_JSON_error_naming_it(string file, string query, int status, string detail)
    {
        var answer = await ExportFiles.GetAsync(Storage, file, query);
        Assert.Equal(status, answer.Status);
        Assert.StartsWith("application/json", answer.Headers.ContentType.ToString());
        Assert.Contains(detail, answer.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_run_whose_only_epoch_failed_gives_header_only_files_and_is_listed_in_runs_csv_as_failed()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("broken/epoch-1.parquet", "not parquet"u8.ToArray());
        foreach (var file in ExportFiles.All.Where(f => f != "runs.csv"))
        {
            var answer = await ExportFiles.GetAsync(storage, file, "run=broken");
            Assert.Equal(200, answer.Status);
            var header = string.Join(",", PowerQueryScripts.Table("api/export/" + file).Columns.Select(c => c.Column));
            Assert.Equal(header + "\r\n", answer.Text);
        }
        var runs = (await ExportFiles.GetAsync(storage, "runs.csv")).Text.Split("\r\n");
        Assert.Equal(3, runs.Length);
        Assert.StartsWith("broken,broken,0,0,,0,failed,", runs[1]);
    }

    [Fact]
    public async Task Files_are_typed_CSV_attachments_that_are_never_cached()
    {
        var answer = await ExportFiles.GetAsync(Storage, "classes.csv", "run=fortunes-han");
        Assert.Equal("text/csv; charset=utf-8; header=present", answer.Headers.ContentType.ToString());
        Assert.Equal("attachment; filename=classes.csv", answer.Headers.ContentDisposition.ToString());
        Assert.Equal("no-store", answer.Headers.CacheControl.ToString());
        Assert.False(answer.Body.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), "no byte-order mark");
    }
}
