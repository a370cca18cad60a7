using System.Text.Json;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Dynamics;

/// <summary>
/// The real run's validation dynamics as DuckDB computes them from the Parquet files alone
/// (tests/expected/make-dynamics-expected.mjs), and the comparison of an answer with them.
/// </summary>
public static class DynamicsOracle
{
    public static JsonElement Expected { get; } = JsonDocument.Parse(File.ReadAllBytes(
        Path.Combine(BuildOutput.RepoRoot, "tests", "expected", "fortunes-han-dynamics.json"))).RootElement;

    const double Tolerance = 1e-6;

    /// <summary>Every column of a dynamics answer equals the oracle's, sample by sample.</summary>
    public static void AssertMatches(string scenario, JsonElement answer)
    {
        var expected = Expected.GetProperty(scenario);
        var ids = Strings(expected.GetProperty("sampleId"));
        Assert.Equal(ids, Strings(answer.GetProperty("sampleId")));
        foreach (var column in new[] { "confidence", "variability", "correctness", "aum", "selfConfidence", "normalizedMargin" })
        {
            var want = expected.GetProperty(column);
            var got = answer.GetProperty(column);
            for (var i = 0; i < ids.Length; i++)
                Assert.True(Math.Abs(want[i].GetDouble() - got[i].GetDouble()) <= Tolerance,
                    $"{column} of {ids[i]}: expected {want[i].GetDouble()}, got {got[i].GetDouble()}");
        }
        foreach (var column in new[] { "forgettings", "firstLearned", "suspect" })
        {
            var want = expected.GetProperty(column);
            var got = answer.GetProperty(column);
            for (var i = 0; i < ids.Length; i++)
                Assert.True(want[i].GetRawText() == got[i].GetRawText(), $"{column} of {ids[i]}: expected {want[i].GetRawText()}, got {got[i].GetRawText()}");
        }
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();
}
