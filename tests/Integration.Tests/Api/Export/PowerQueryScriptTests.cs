using System.Text.RegularExpressions;
using ClassVisCloud.Analytics.Api.Export;
using System.Reflection;
using ClassVisCloud.Functions.Runs;
using Microsoft.Azure.Functions.Worker;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api.Export;

/// <summary>The Power Query scripts in docs/powerbi read routes that exist, declare exactly the columns the files have, and undo the marks as the API sets them.</summary>
[Collection(RealRunCollection.Name)]
public sealed class PowerQueryScriptTests(RealRunFixture fixture)
{
    [Fact]
    public void There_is_one_script_per_export_and_each_reads_an_export_route()
    {
        var routes = typeof(ListRuns).Assembly.GetTypes().SelectMany(t => t.GetMethods()).SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().Select(t => "api/" + t.Route).ToHashSet();
        var tables = PowerQueryScripts.Tables();
        Assert.Equal(ExportFiles.All.Select(f => "api/export/" + f).Order(), tables.Select(t => t.RelativePath).Order());
        Assert.All(tables, t => Assert.Contains(t.RelativePath, routes));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_script_declares_the_columns_of_its_file_in_order(string file)
    {
        var answer = await ExportFiles.GetAsync(fixture.Storage, file, file == "runs.csv" ? "" : $"run={RealRun.Name}");
        var header = answer.Text[..answer.Text.IndexOf("\r\n", StringComparison.Ordinal)];
        Assert.Equal(header, string.Join(",", PowerQueryScripts.Table("api/export/" + file).Columns.Select(c => c.Column)));
    }

    public static TheoryData<string> Files => new(ExportFiles.All);

    [Fact]
    public void The_guide_links_every_script()
    {
        var guide = File.ReadAllText(Path.Combine(PowerQueryScripts.Folder, "..", "powerbi.md"));
        foreach (var path in Directory.GetFiles(PowerQueryScripts.Folder, "*.pq"))
            Assert.Contains($"(powerbi/{Path.GetFileName(path)})", guide);
    }

    [Fact]
    public void Every_text_column_is_restored_and_the_undo_takes_the_marks_off_after_the_separators_the_API_marks()
    {
        foreach (var path in Directory.GetFiles(PowerQueryScripts.Folder, "*.pq"))
        {
            var script = File.ReadAllText(path);
            var table = PowerQueryScripts.Tables().SingleOrDefault(t => Path.GetFileNameWithoutExtension(path) == t.Name);
            if (table is null) continue;
            foreach (var (column, _) in table.Columns.Where(c => c.Type == "type text"))
                Assert.Contains($"{{\"{column}\", ClassVisCloudText, type text}}", script);
        }
        var undo = File.ReadAllText(Path.Combine(PowerQueryScripts.Folder, "ClassVisCloudText.pq"));
        var separators = Regex.Match(undo, @"List\.Accumulate\(\{([^}]*)\}").Groups[1].Value.Split(", ")
            .Select(s => s.Trim('"').Replace("#(tab)", "\t").Replace("#(cr)", "\r").Replace("#(lf)", "\n")).ToArray();
        Assert.Equal(FormulaSafeText.Separators, separators);
    }
}
