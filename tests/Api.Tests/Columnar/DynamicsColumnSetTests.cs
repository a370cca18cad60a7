using System.Text.Json;
using System.Text.RegularExpressions;
using ClassVisCloud.Api.Tests.Description;

namespace ClassVisCloud.Api.Tests.Columnar;

public sealed class DynamicsColumnSetTests
{
    static string Detail(ApiResponse problem) => JsonDocument.Parse(problem.Body).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public void No_argument_means_every_column_of_the_answer()
    {
        var set = DynamicsColumnSet.Parse(null);
        Assert.Null(set.Problem);
        Assert.True(set.Value.IsAll);
        Assert.All(DynamicsColumnSet.Names, name => Assert.True(set.Value.Has(name)));
    }

    [Fact]
    public void Columns_named_in_any_order_and_repeated_make_one_set_in_the_answers_order()
    {
        var set = DynamicsColumnSet.Parse("suspect,aum,confidence,aum").Value;
        Assert.False(set.IsAll);
        Assert.Equal("confidence,aum,suspect", set.Key);
        Assert.Equal(set.Key, DynamicsColumnSet.Parse("confidence,suspect,aum").Value.Key);
        Assert.False(set.Has("sampleId"));
    }

    [Theory]
    [InlineData("aum,bogus", "unknown column 'bogus'")]
    [InlineData("Aum", "unknown column 'Aum'")]
    [InlineData("aum, suspect", "unknown column ' suspect'")]
    [InlineData("", "an empty name")]
    [InlineData(",", "an empty name")]
    [InlineData("aum,", "an empty name")]
    public void A_name_that_is_not_a_column_is_a_400_that_lists_the_columns(string value, string expected)
    {
        var problem = DynamicsColumnSet.Parse(value).Problem!;
        Assert.Equal(400, problem.Status);
        var detail = Detail(problem);
        Assert.Contains(expected, detail);
        Assert.Contains(string.Join(", ", DynamicsColumnSet.Names), detail);
    }

    [Fact]
    public void An_argument_too_long_to_be_a_list_of_columns_is_refused_without_echoing_it()
    {
        var problem = DynamicsColumnSet.Parse(new string('a', 5000)).Problem!;
        Assert.Equal(400, problem.Status);
        Assert.Contains("5000 characters", Detail(problem));
        Assert.DoesNotContain(new string('a', 100), Detail(problem));
    }

    [Fact]
    public void The_server_names_only_known_columns()
    {
        Assert.Throws<ArgumentException>(() => DynamicsColumnSet.Of("aum", "margin"));
    }

    [Fact]
    public void The_dashboard_asks_for_the_columns_the_host_prepares_at_ingest()
    {
        var endpoints = File.ReadAllText(RepoFiles.PathOf("src/Dashboard/src/api/endpoints.ts"));
        var list = Regex.Match(endpoints, @"DRAWN_DYNAMICS = \[(?<names>[^\]]*)\]").Groups["names"].Value;
        var asked = Regex.Matches(list, "\"(\\w+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(asked);
        Assert.Equal(FirstViewAnswers.DashboardDynamics.Key, DynamicsColumnSet.Parse(string.Join(",", asked)).Value.Key);
    }
}
