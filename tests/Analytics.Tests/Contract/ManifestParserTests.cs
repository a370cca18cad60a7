using System.Text;
using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>run.json: what a valid manifest gives, and every reason (prefixed "run.json: ") for an invalid one.</summary>
public class ManifestParserTests
{
    private static RunManifest Parse(string json) => ManifestParser.Parse(Encoding.UTF8.GetBytes(json));

    private static void Rejects(string json, string reason)
    {
        var violation = Assert.Throws<ContractViolationException>(() => Parse(json));
        Assert.Equal("run.json: " + reason, violation.Message);
    }

    [Fact]
    public void The_contracts_example_parses()
    {
        var manifest = Parse("""
            {
              "name": "HAN on pathology reports, lr 1e-3",
              "classes": ["C34.9", "C50.4", "C50.8", "C50.9"],
              "scores": "probabilities",
              "description": "free text"
            }
            """);

        Assert.Equal("HAN on pathology reports, lr 1e-3", manifest.Name);
        Assert.Equal(["C34.9", "C50.4", "C50.8", "C50.9"], manifest.Classes);
        Assert.Equal(ScoreKind.Probabilities, manifest.DeclaredScores);
        Assert.Equal("free text", manifest.Description);
    }

    [Fact]
    public void Every_field_is_optional_and_unknown_ones_are_ignored()
    {
        var manifest = Parse("""{"scores": "logits", "learning_rate": 0.001}""");

        Assert.Null(manifest.Name);
        Assert.Null(manifest.Classes);
        Assert.Equal(ScoreKind.Logits, manifest.DeclaredScores);
    }

    [Fact]
    public void Null_fields_count_as_absent()
    {
        var manifest = Parse("""{"name": null, "classes": null, "scores": null}""");

        Assert.Null(manifest.Classes);
        Assert.Null(manifest.DeclaredScores);
    }

    [Theory]
    [InlineData("{\"classes\": [\"a\",}")]
    [InlineData("")]
    [InlineData("{\"name\": \"x\"")]
    public void Malformed_json_is_rejected(string json)
    {
        var violation = Assert.Throws<ContractViolationException>(() => Parse(json));
        Assert.StartsWith("run.json: not valid JSON", violation.Message);
    }

    [Theory]
    [InlineData("[\"a\", \"b\"]", "expected a JSON object, found an array")]
    [InlineData("{\"name\": 3}", "'name' must be a string, not a number")]
    [InlineData("{\"description\": [\"x\"]}", "'description' must be a string, not an array")]
    [InlineData("{\"classes\": \"a,b\"}", "'classes' must be an array of strings, not a string")]
    [InlineData("{\"classes\": [\"a\", 2]}", "classes[1] must be a string, not a number")]
    [InlineData("{\"classes\": []}", "'classes' is empty")]
    [InlineData("{\"classes\": [\"a\", \"\"]}", "classes[1] is empty")]
    [InlineData("{\"classes\": [\"a\", \"  \"]}", "classes[1] is empty")]
    [InlineData("{\"classes\": [\"a\", \"b\", \"a\"]}", "class 'a' appears twice (classes[0] and classes[2])")]
    [InlineData("{\"scores\": \"probs\"}", "'scores' must be \"probabilities\" or \"logits\", not \"probs\"")]
    [InlineData("{\"scores\": true}", "'scores' must be \"probabilities\" or \"logits\", not a boolean")]
    [InlineData("{\"name\": \"a\", \"name\": \"b\"}", "property 'name' appears twice")]
    public void InvalidContent_IsRejectedWithItsReason(string json, string reason)
    {
        Rejects(json, reason);
    }

    [Fact]
    public void A_huge_manifest_is_rejected()
    {
        var violation = Assert.Throws<ContractViolationException>(() => ManifestParser.Parse(new byte[2 << 20]));
        Assert.StartsWith("run.json: larger than", violation.Message);
    }

    [Fact]
    public void A_class_name_of_256_characters_parses_257_are_rejected()
    {
        Assert.Equal(256, Parse($$"""{"classes": ["{{new string('a', 256)}}"]}""").Classes![0].Length);
        var violation = Assert.Throws<ContractViolationException>(() => Parse($$"""{"classes": ["ok", "{{new string('b', 257)}}"]}"""));
        Assert.StartsWith("run.json: classes[1] is 'bbbb", violation.Message);
        Assert.EndsWith("(257 characters)'; a class name has at most 256 characters", violation.Message);
    }
}
