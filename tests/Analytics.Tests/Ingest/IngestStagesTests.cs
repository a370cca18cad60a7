using ClassVisCloud.Analytics.Ingest;

namespace ClassVisCloud.Analytics.Tests.Ingest;

public class IngestStagesTests
{
    [Fact]
    public async Task Stages_are_kept_in_the_order_they_first_ran_and_a_repeated_stage_adds_up()
    {
        var stages = new IngestStages();
        await stages.MeasureAsync(IngestStages.Download, () => Task.Delay(20));
        stages.Add(IngestStages.Read, 5);
        stages.Add(IngestStages.Download, 100);

        Assert.Equal([IngestStages.Download, IngestStages.Read], stages.All.Select(s => s.Name));
        Assert.InRange(stages.All[0].Milliseconds, 115, 10_000);
        Assert.Equal(5, stages.All[1].Milliseconds);
    }

    [Fact]
    public void The_text_form_reads_back_to_the_same_stages_rounded_to_milliseconds()
    {
        var stages = new IngestStages();
        stages.Add("download", 12.4);
        stages.Add("read", 310.6);
        string text = stages.ToString();

        Assert.Equal("download 12 ms, read 311 ms", text);
        Assert.Equal([new IngestStage("download", 12), new IngestStage("read", 311)], IngestStages.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not stages at all")]
    public void Text_that_holds_no_stages_reads_as_none(string? text)
    {
        Assert.Empty(IngestStages.Parse(text));
    }

    [Fact]
    public void A_stage_that_throws_is_still_timed()
    {
        var stages = new IngestStages();
        Assert.Throws<InvalidOperationException>(() => stages.Measure<int>(IngestStages.Compute, () => throw new InvalidOperationException()));
        Assert.Equal(IngestStages.Compute, Assert.Single(stages.All).Name);
    }
}
