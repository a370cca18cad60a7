using System.Text.Json;
using ClassVisCloud.Analytics.Api.Export;
using ClassVisCloud.Integration.Tests.Dynamics;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api.Export;

/// <summary>
/// Class names and sample ids built to attack a spreadsheet come out neutralised (no cell, nor any piece of one a
/// ';' or line split makes, starts a formula) and come back exactly through the documented undo.
/// </summary>
public sealed class HostileNamesExportTests : IAsyncLifetime
{
    static readonly string[] Classes = ["=cmd|' /C calc'!A0", "+1", "@x", "-2", "a;=b,\"c\"\r\n-d", "'quoted", "plain"];
    static readonly string[] Ids = ["=HYPERLINK(\"http://x\")", "-5", "a,b;+c", "plain-id"];
    const string Run = "hostile";

    TestStorage storage = null!;
    readonly DuckDb db = new();

    public async Task InitializeAsync()
    {
        storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync($"{Run}/run.json", JsonSerializer.SerializeToUtf8Bytes(new { name = "=1+1", classes = Classes }));
        for (var epoch = 1; epoch <= 2; epoch++)
        {
            // Each sample is mostly predicted as the next class: every one is a suspect whose likely class is hostile too.
            var rows = Ids.Select((id, i) => new LogitsRow(id, i % Classes.Length,
                Enumerable.Range(0, Classes.Length).Select(c => c == (i + 1) % Classes.Length ? 0.7f : 0.3f / (Classes.Length - 1)).ToArray())).ToArray();
            await storage.UploadAndDeliverAsync($"{Run}/epoch-{epoch}.parquet", await LogitsFile.WriteAsync(rows));
        }
    }

    public async Task DisposeAsync()
    {
        db.Dispose();
        await storage.DisposeAsync();
    }

    [Theory]
    [InlineData("runs.csv")]
    [InlineData("classes.csv")]
    [InlineData("class-epochs.csv")]
    [InlineData("confusion.csv")]
    [InlineData("suspects.csv")]
    public async Task No_cell_or_piece_of_one_starts_a_formula(string file)
    {
        var answer = await ExportFiles.LoadAsync(db, storage, file, "csv");
        var text = PowerQueryScripts.Table("api/export/" + file).Columns.Where(c => c.Type == "type text").Select(c => c.Column).ToList();
        Assert.True(db.Scalar<long>("select count(*) from csv") > 0);
        foreach (var column in text)
        foreach (var row in db.Rows($"select \"{column}\" from csv"))
            foreach (var piece in ((string)row[0]!).Split([',', ';', '\t', '\r', '\n']))
                Assert.False(piece.Length > 0 && piece[0] is '=' or '+' or '-' or '@', $"{file} {column}: a piece {piece}");
        // The raw bytes too, split the way a spreadsheet with another list separator would.
        foreach (var piece in answer.Text.Split([',', ';', '\t', '\r', '\n']))
            Assert.False(piece.TrimStart('"').Length > 0 && piece.TrimStart('"')[0] is '=' or '+' or '@', $"{file}: a raw piece {piece}");
    }

    [Fact]
    public async Task Names_and_ids_come_back_exactly_through_the_documented_undo()
    {
        await ExportFiles.LoadAsync(db, storage, "classes.csv", "csv");
        Assert.Equal(Classes, db.Rows("select class_name from csv order by class_index").Select(r => FormulaSafeText.Decode((string)r[0]!)));

        await ExportFiles.LoadAsync(db, storage, "runs.csv", "csv");
        Assert.Equal("=1+1", FormulaSafeText.Decode(db.Scalar<string>("select name from csv")));

        await ExportFiles.LoadAsync(db, storage, "confusion.csv", "csv", "epoch=2");
        var cells = db.Rows("select true_index, true_name, predicted_index, predicted_name from csv");
        Assert.Equal(Ids.Length, cells.Count);
        foreach (var cell in cells)
        {
            Assert.Equal(Classes[Convert.ToInt32(cell[0])], FormulaSafeText.Decode((string)cell[1]!));
            Assert.Equal(Classes[Convert.ToInt32(cell[2])], FormulaSafeText.Decode((string)cell[3]!));
        }

        await ExportFiles.LoadAsync(db, storage, "suspects.csv", "csv");
        var suspects = db.Rows("select sample_id, label_name, likely_name from csv").Select(r => r.Select(v => FormulaSafeText.Decode((string)v!)).ToArray()).ToList();
        Assert.Equal(Ids.Order(StringComparer.Ordinal), suspects.Select(s => s[0]).Order(StringComparer.Ordinal));
        foreach (var s in suspects)
        {
            var i = Array.IndexOf(Ids, s[0]);
            Assert.Equal(Classes[i % Classes.Length], s[1]);
            Assert.Equal(Classes[(i + 1) % Classes.Length], s[2]);
        }
    }
}
