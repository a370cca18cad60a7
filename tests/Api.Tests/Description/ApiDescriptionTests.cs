using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ClassVisCloud.Api.Tests.Description;

public sealed class ApiDescriptionTests
{
    static readonly JsonElement Document = JsonDocument.Parse(ApiDescription.Bytes).RootElement;

    static string Strings(JsonElement array) => string.Join(",", array.EnumerateArray().Select(e => e.GetString()));

    static JsonElement Schema(string name) => Document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    [Fact]
    public void Microsofts_OpenAPI_reader_reads_it_without_errors_or_warnings()
    {
        var result = OpenApiDocument.Parse(System.Text.Encoding.UTF8.GetString(ApiDescription.Bytes), "json", new OpenApiReaderSettings());
        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Equal(ApiRoutes.All.Count, result.Document!.Paths.Sum(p => p.Value.Operations!.Count));
    }

    [Fact]
    public void Every_route_is_described_with_its_answer()
    {
        var paths = Document.GetProperty("paths");
        foreach (var route in ApiRoutes.All)
        {
            var operation = paths.GetProperty("/" + route.Path).GetProperty(route.Method);
            Assert.Equal(route.Name, operation.GetProperty("operationId").GetString());
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), $"{route.Name} has no 200 answer");
        }
    }

    [Fact]
    public void Members_are_required_and_nullable_as_the_records_declare()
    {
        var item = Schema("RunListEntry");
        Assert.Contains("lastEpoch", item.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer,null", Strings(item.GetProperty("properties").GetProperty("lastEpoch").GetProperty("type")));
        Assert.Equal("\"string\"", item.GetProperty("properties").GetProperty("run").GetProperty("type").GetRawText());
        Assert.Equal("ok,pending,failed", Strings(item.GetProperty("properties").GetProperty("status").GetProperty("enum")));
    }

    [Fact]
    public void Records_inside_answers_are_schemas_of_their_own_and_a_null_one_says_so()
    {
        var epochInfo = Schema("EpochInfo").GetProperty("properties");
        Assert.Equal("#/components/schemas/AttentionState", epochInfo.GetProperty("attention").GetProperty("oneOf")[0].GetProperty("$ref").GetString());
        Assert.Equal("null", epochInfo.GetProperty("attention").GetProperty("oneOf")[1].GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/SplitStats", epochInfo.GetProperty("splits").GetProperty("additionalProperties").GetProperty("$ref").GetString());
    }

    [Fact]
    public void Sample_ids_are_strings_or_integers_alone_and_in_lists()
    {
        Assert.Equal("string,integer", Strings(Schema("Suspect").GetProperty("properties").GetProperty("sampleId").GetProperty("type")));
        Assert.Equal("string,integer", Strings(Schema("EpochSampleColumns").GetProperty("properties").GetProperty("sampleId").GetProperty("items").GetProperty("type")));
    }

    [Fact]
    public void A_record_named_apart_from_its_schema_takes_the_schema_name()
    {
        Assert.True(Document.GetProperty("components").GetProperty("schemas").TryGetProperty("Suspects", out _));
        Assert.False(Document.GetProperty("components").GetProperty("schemas").TryGetProperty(nameof(SuspectList), out _));
    }

    [Fact]
    public void Routes_that_answer_with_an_ETag_describe_304_and_the_columnar_ones_Arrow()
    {
        var samples = Document.GetProperty("paths").GetProperty("/runs/{run}/epochs/{epoch}/samples").GetProperty("get").GetProperty("responses");
        Assert.True(samples.TryGetProperty("304", out _));
        Assert.True(samples.GetProperty("200").GetProperty("content").TryGetProperty("application/vnd.apache.arrow.stream", out _));
        var runs = Document.GetProperty("paths").GetProperty("/runs").GetProperty("get").GetProperty("responses");
        Assert.False(runs.TryGetProperty("304", out _));
    }
}
