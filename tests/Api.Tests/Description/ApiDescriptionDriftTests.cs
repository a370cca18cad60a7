namespace ClassVisCloud.Api.Tests.Description;

/// <summary>
/// docs/openapi.json is the API description the dashboard's types are generated from (src/Dashboard: npm run api:types,
/// whose own drift test is src/api/types.test.ts). It must be what the code describes now.
/// </summary>
public sealed class ApiDescriptionDriftTests
{
    const string CheckedIn = "docs/openapi.json";
    const string Regenerate = "CVC_REGENERATE_API=1 dotnet test tests/Api.Tests --filter ApiDescriptionDriftTests, then (cd src/Dashboard && npm run api:types)";

    [Fact]
    public void The_checked_in_description_is_the_one_the_code_makes()
    {
        var path = RepoFiles.PathOf(CheckedIn);
        if (Environment.GetEnvironmentVariable("CVC_REGENERATE_API") == "1") File.WriteAllBytes(path, ApiDescription.Bytes);
        Assert.True(File.Exists(path), $"{CheckedIn} is missing: make it with {Regenerate}");
        var expected = System.Text.Encoding.UTF8.GetString(ApiDescription.Bytes);
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"{CheckedIn} differs from the description the code makes (first difference at character {FirstDifference(expected, actual)}): "
            + $"regenerate it with {Regenerate}, and commit both files.");
    }

    static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }
}
