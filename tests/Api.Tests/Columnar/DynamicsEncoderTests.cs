using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Tests.Dynamics;
using ClassVisCloud.Api.Tests.Description;

namespace ClassVisCloud.Api.Tests.Columnar;

public sealed class DynamicsEncoderTests
{
    static readonly SampleDynamics Data = TinyRun.At(7) with { SampleIds = ["a", "b", "ç", "d", "e/1"] };

    [Fact]
    public void Json_writes_every_column_with_null_where_a_sample_was_not_learned()
    {
        var json = JsonDocument.Parse(DynamicsEncoder.ToJson(Data)).RootElement;
        Assert.Equal("train", json.GetProperty("split").GetString());
        Assert.Equal(7, json.GetProperty("epoch").GetInt64());
        Assert.Equal(Data.SampleIds, json.GetProperty("sampleId").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("[3,4,null,null,7]", json.GetProperty("firstLearned").GetRawText());
        Assert.Equal("[false,false,true,false,false]", json.GetProperty("suspect").GetRawText());
        Assert.Equal(Data.AreaUnderMargin, json.GetProperty("aum").EnumerateArray().Select(x => x.GetSingle()));
    }

    [Fact]
    public void Arrow_carries_the_same_values_including_nulls_booleans_and_non_ASCII_ids()
    {
        using var reader = new ArrowStreamReader(new MemoryStream(DynamicsEncoder.ToArrow(Data)));
        var batch = reader.ReadNextRecordBatch();
        Assert.Equal(5, batch.Length);
        var ids = (StringArray)batch.Column("sampleId");
        Assert.Equal(Data.SampleIds, Enumerable.Range(0, 5).Select(i => ids.GetString(i)));
        var firstLearned = (Int64Array)batch.Column("firstLearned");
        Assert.Equal([3L, 4L, null, null, 7L], Enumerable.Range(0, 5).Select(i => firstLearned.GetValue(i)));
        var suspect = (BooleanArray)batch.Column("suspect");
        Assert.Equal([false, false, true, false, false], Enumerable.Range(0, 5).Select(i => suspect.GetValue(i)!.Value));
        Assert.Equal(Data.Variability, ((FloatArray)batch.Column("variability")).Values.ToArray());
        Assert.Equal(Data.Forgettings, ((Int32Array)batch.Column("forgettings")).Values.ToArray());
    }

    [Fact]
    public void Integer_ids_are_numbers_in_both_formats()
    {
        var numbered = Data with { SampleIds = ["1", "2", "3", "10", "20"], IntegerIds = true };
        Assert.Equal("[1,2,3,10,20]", JsonDocument.Parse(DynamicsEncoder.ToJson(numbered)).RootElement.GetProperty("sampleId").GetRawText());
        using var reader = new ArrowStreamReader(new MemoryStream(DynamicsEncoder.ToArrow(numbered)));
        Assert.Equal([1L, 2L, 3L, 10L, 20L], ((Int64Array)reader.ReadNextRecordBatch().Column("sampleId")).Values.ToArray());
    }

    [Fact]
    public void The_json_is_what_the_description_says_member_for_member()
    {
        var described = DescribedJson.Read<EpochDynamicsColumns>(DynamicsEncoder.ToJson(Data));
        Assert.Equal(Data.SampleIds, described.SampleId.Select(id => id.Id));
        Assert.Equal([3L, 4L, null, null, 7L], described.FirstLearned);
        Assert.Equal(Data.Suspect, described.Suspect);
    }

    [Fact]
    public void A_subset_of_columns_writes_only_those_after_split_and_epoch_in_both_formats()
    {
        var set = DynamicsColumnSet.Parse("suspect,firstLearned,confidence").Value;
        var json = JsonDocument.Parse(DynamicsEncoder.ToJson(Data, set)).RootElement;
        Assert.Equal(["split", "epoch", "confidence", "firstLearned", "suspect"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[3,4,null,null,7]", json.GetProperty("firstLearned").GetRawText());

        using var reader = new ArrowStreamReader(new MemoryStream(DynamicsEncoder.ToArrow(Data, set)));
        var batch = reader.ReadNextRecordBatch();
        Assert.Equal(["confidence", "firstLearned", "suspect"], batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(Data.Confidence, ((FloatArray)batch.Column("confidence")).Values.ToArray());
        Assert.Equal(5, batch.Length);
        Assert.Equal("train", batch.Schema.Metadata["split"]);
    }

    [Fact]
    public void Leaving_out_columns_leaves_out_their_bytes()
    {
        var all = DynamicsEncoder.ToArrow(Data).Length;
        var drawn = DynamicsEncoder.ToArrow(Data, FirstViewAnswers.DashboardDynamics).Length;
        Assert.True(drawn < all, $"{drawn} bytes with the drawn columns, {all} with all");
    }
}
