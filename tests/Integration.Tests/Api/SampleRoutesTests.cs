using ClassVisCloud.Functions.Samples;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api;

[Collection(RealRunCollection.Name)]
public sealed class SampleRoutesTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    [Fact]
    public async Task A_sample_history_has_every_epoch_with_its_prediction_and_running_misprediction_count()
    {
        var id = RealRun.Expected.GetProperty("historySample").GetString()!;
        var answer = await FunctionCall.GetAsync("split=validation", r => Storage.Function<GetSampleHistory>().Run(r, RealRun.Name, id, default));
        Assert.Equal(200, answer.Status);
        var json = answer.Json;
        Assert.Equal(id, json.GetProperty("sampleId").GetString());
        var expected = RealRun.Expected.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(expected[0].GetProperty("label").GetInt32(), json.GetProperty("label").GetInt32());
        var history = json.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(18, history.Count);
        var wrong = 0;
        for (var i = 0; i < 18; i++)
        {
            var correct = expected[i].GetProperty("predicted").GetInt32() == expected[i].GetProperty("label").GetInt32();
            if (!correct) wrong++;
            Assert.Equal(expected[i].GetProperty("epoch").GetInt32(), history[i].GetProperty("epoch").GetInt32());
            Assert.Equal(expected[i].GetProperty("predicted").GetInt32(), history[i].GetProperty("predicted").GetInt32());
            Assert.Equal(expected[i].GetProperty("score").GetDouble(), history[i].GetProperty("score").GetDouble(), 6);
            Assert.Equal(correct, history[i].GetProperty("correct").GetBoolean());
            Assert.Equal(wrong, history[i].GetProperty("mispredictions").GetInt32());
        }
    }

    [Fact]
    public async Task Attention_gives_the_sentences_and_weighted_tokens_in_document_order()
    {
        var expected = RealRun.Expected.GetProperty("attention");
        var id = expected.GetProperty("sampleId").GetString()!;
        var answer = await FunctionCall.GetAsync("split=validation&epoch=18", r => Storage.Function<GetSampleAttention>().Run(r, RealRun.Name, id, default));
        Assert.Equal(200, answer.Status);
        var tokens = expected.GetProperty("tokens").EnumerateArray().ToList();
        var sentences = answer.Json.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(tokens.Select(t => t.GetProperty("sentence").GetInt32()).Distinct().Count(), sentences.Count);
        var flat = sentences.SelectMany(s => s.GetProperty("tokens").EnumerateArray().Select(t => (s, t))).ToList();
        Assert.Equal(tokens.Count, flat.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            Assert.Equal(tokens[i].GetProperty("token").GetString(), flat[i].t.GetProperty("text").GetString());
            Assert.Equal(tokens[i].GetProperty("wordWeight").GetDouble(), flat[i].t.GetProperty("weight").GetDouble(), 6);
            Assert.Equal(tokens[i].GetProperty("sentenceWeight").GetDouble(), flat[i].s.GetProperty("weight").GetDouble(), 6);
        }
    }

    [Fact]
    public async Task Attention_of_a_training_sample_is_404_because_only_validation_has_attention()
    {
        var train = await FunctionCall.GetAsync("split=train", r => Storage.Function<ClassVisCloud.Functions.Epochs.GetEpochSamples>().Run(r, RealRun.Name, "18", default));
        var id = train.Json.GetProperty("sampleId")[0].GetString()!;
        var answer = await FunctionCall.GetAsync("split=train&epoch=18", r => Storage.Function<GetSampleAttention>().Run(r, RealRun.Name, id, default));
        Assert.Equal(404, answer.Status);
        Assert.Contains("has no attention", answer.Json.GetProperty("detail").GetString());
    }
}
