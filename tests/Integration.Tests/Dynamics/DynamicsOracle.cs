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

    /// <summary>The oracle's suspects of <paramref name="scenario"/> as the route ranks them: their positions, aum ascending, then sample id.</summary>
    public static List<int> RankedSuspects(string scenario)
    {
        var expected = Expected.GetProperty(scenario);
        var ids = Strings(expected.GetProperty("sampleId"));
        return [.. Enumerable.Range(0, ids.Length).Where(i => expected.GetProperty("suspect")[i].GetBoolean())
            .OrderBy(i => expected.GetProperty("aum")[i].GetDouble()).ThenBy(i => ids[i], StringComparer.Ordinal)];
    }

    /// <summary>Every entry of a suspects answer is the oracle's at its rank: id, likely class, mispredictions, aum, confidence; and the total.</summary>
    public static void AssertSuspectsMatch(string scenario, JsonElement answer)
    {
        var expected = Expected.GetProperty(scenario);
        var ids = Strings(expected.GetProperty("sampleId"));
        var ranked = RankedSuspects(scenario);
        Assert.Equal(ranked.Count, answer.GetProperty("total").GetInt32());
        var suspects = answer.GetProperty("suspects").EnumerateArray().ToList();
        for (var k = 0; k < suspects.Count; k++)
        {
            var i = ranked[k];
            Assert.Equal(ids[i], suspects[k].GetProperty("sampleId").GetString());
            Assert.Equal(expected.GetProperty("likely")[i].GetInt32(), suspects[k].GetProperty("likely").GetInt32());
            Assert.Equal(expected.GetProperty("mispredictions")[i].GetInt32(), suspects[k].GetProperty("mispredictions").GetInt32());
            // The answer's floats against the oracle's doubles: within the tolerance, not rounded to 6 places (which can split them).
            Assert.Equal(expected.GetProperty("aum")[i].GetDouble(), suspects[k].GetProperty("aum").GetDouble(), Tolerance);
            Assert.Equal(expected.GetProperty("confidence")[i].GetDouble(), suspects[k].GetProperty("confidence").GetDouble(), Tolerance);
        }
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();
}
