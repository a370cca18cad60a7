using Apache.Arrow;
using Apache.Arrow.Ipc;
using ClassVisCloud.Api.Tests.Description;

namespace ClassVisCloud.Api.Tests.Columnar;

public sealed class SamplesEncoderTests
{
    static SampleColumns Columns(int n, bool integerIds) => new("validation", 18,
        Enumerable.Range(0, n).Select(i => integerIds ? (i * 7).ToString() : $"f-{i:D5}").ToArray(), integerIds,
        Enumerable.Range(0, n).Select(i => i % 20).ToArray(), Enumerable.Range(0, n).Select(i => (i * 3) % 20).ToArray(),
        Enumerable.Range(0, n).Select(i => i / (float)n).ToArray(), Enumerable.Range(0, n).Select(i => i % 5).ToArray());

    [Theory]
    [InlineData(1787, false)]
    [InlineData(3, true)]
    public void The_arrow_stream_is_the_same_bytes_every_time_and_reads_back_as_the_json_columns(int n, bool integerIds)
    {
        var columns = Columns(n, integerIds);
        var first = columns.ToArrow();
        Assert.Equal(first, columns.ToArrow());
        using var reader = new ArrowStreamReader(new MemoryStream(first));
        var batch = reader.ReadNextRecordBatch();
        Assert.Equal(n, batch.Length);
        Assert.Equal(columns.Score[n - 1], ((FloatArray)batch.Column("score")).GetValue(n - 1));
        Assert.Equal(columns.Mispredictions[n - 1], ((Int32Array)batch.Column("mispredictions")).GetValue(n - 1));
        if (integerIds) Assert.Equal(long.Parse(columns.SampleIds[1]), ((Int64Array)batch.Column("sampleId")).GetValue(1));
        else Assert.Equal(columns.SampleIds[1], ((StringArray)batch.Column("sampleId")).GetString(1));
    }

    [Fact]
    public async Task Many_requests_encoding_the_same_cached_columns_at_once_all_get_the_same_bytes()
    {
        var columns = Columns(1788, false);
        var expected = columns.ToArrow();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(columns.ToArrow)));
        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_json_is_what_the_description_says_member_for_member(bool integerIds)
    {
        var columns = Columns(4, integerIds);
        var described = DescribedJson.Read<EpochSampleColumns>(columns.ToJson());
        Assert.Equal(columns.SampleIds, described.SampleId.Select(id => id.Id));
        Assert.All(described.SampleId, id => Assert.Equal(integerIds, id.IsInteger));
        Assert.Equal(columns.Mispredictions, described.Mispredictions);
    }

    [Fact]
    public void A_member_the_description_lacks_fails_the_strict_read()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => DescribedJson.Read<EpochSampleColumns>(
            """{"split":"v","epoch":1,"sampleId":[],"label":[],"predicted":[],"score":[],"mispredictions":[],"extra":[]}"""u8.ToArray()));
        Assert.Throws<System.Text.Json.JsonException>(() => DescribedJson.Read<EpochSampleColumns>(
            """{"split":"v","epoch":1,"sampleId":[],"label":[],"predicted":[],"score":[]}"""u8.ToArray()));
    }
}
