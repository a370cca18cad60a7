using ClassVisCloud.Functions.Exports;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.Integration.Tests.Api.Export;

/// <summary>Calls an export function as the Functions host does, and loads its file into DuckDB with the types its Power Query script declares.</summary>
public static class ExportFiles
{
    public static Func<HttpRequest, Task<IActionResult>> Function(TestStorage storage, string file) => file switch
    {
        "runs.csv" => r => storage.Function<ExportRuns>().Run(r, default),
        "classes.csv" => r => storage.Function<ExportClasses>().Run(r, default),
        "epochs.csv" => r => storage.Function<ExportEpochs>().Run(r, default),
        "class-epochs.csv" => r => storage.Function<ExportClassEpochs>().Run(r, default),
        "confusion.csv" => r => storage.Function<ExportConfusion>().Run(r, default),
        "suspects.csv" => r => storage.Function<ExportSuspects>().Run(r, default),
        _ => throw new ArgumentException($"no export {file}"),
    };

    public static readonly string[] All = ["runs.csv", "classes.csv", "epochs.csv", "class-epochs.csv", "confusion.csv", "suspects.csv"];

    public static Task<FunctionAnswer> GetAsync(TestStorage storage, string file, string query = "") => FunctionCall.GetAsync(query, Function(storage, file));

    /// <summary>The export as DuckDB table <paramref name="table"/>, parsed strictly with the declared types.</summary>
    public static async Task<FunctionAnswer> LoadAsync(DuckDb db, TestStorage storage, string file, string table, string query = "")
    {
        var answer = await GetAsync(storage, file, query);
        Assert.True(answer.Status == 200, $"{file}?{query} answered {answer.Status}: {answer.Text}");
        var path = Path.Combine(Path.GetTempPath(), $"cvc-export-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, answer.Body);
        try { db.Run($"create or replace table {table} as select * from {PowerQueryScripts.Table("api/export/" + file).ReadCsv(path)}"); }
        finally { File.Delete(path); }
        return answer;
    }
}
