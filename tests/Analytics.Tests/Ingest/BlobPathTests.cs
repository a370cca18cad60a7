using ClassVisCloud.Analytics.Ingest;

namespace ClassVisCloud.Analytics.Tests.Ingest;

public sealed class BlobPathTests
{
    [Theory]
    [InlineData("run1/epoch-7.parquet", BlobKind.Predictions, "run1", 7L)]
    [InlineData("run1/epoch-0007.parquet", BlobKind.Predictions, "run1", 7L)]
    [InlineData("run1/epoch-0.parquet", BlobKind.Predictions, "run1", 0L)]
    [InlineData("a.b_c-D/attention/epoch-12.parquet", BlobKind.Attention, "a.b_c-D", 12L)]
    [InlineData("run1/run.json", BlobKind.Manifest, "run1", null)]
    public void Contract_names_are_recognised(string name, BlobKind kind, string run, long? epoch)
    {
        var path = BlobPath.Parse(name);
        Assert.Equal(kind, path.Kind);
        Assert.Equal(run, path.Run);
        Assert.Equal(epoch, path.Epoch);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("run1/epoch-1.csv")]
    [InlineData("run1/epoch-x.parquet")]
    [InlineData("run1/epoch--1.parquet")]
    [InlineData("run1/sub/epoch-1.parquet")]
    [InlineData("run1/attention/run.json")]
    [InlineData("run1/epoch-1.parquet\n")]
    public void Other_blobs_are_ignored(string name) => Assert.Equal(BlobKind.Other, BlobPath.Parse(name).Kind);

    [Theory]
    [InlineData("bad run/epoch-1.parquet")]
    [InlineData(".run/epoch-1.parquet")]
    [InlineData("run'or'1/run.json")]
    [InlineData("ünï/epoch-1.parquet")]
    [InlineData("run\n/epoch-1.parquet")]
    public void Invalid_run_names_are_rejected_with_a_reason_and_no_run(string name)
    {
        var path = BlobPath.Parse(name);
        Assert.Equal(BlobKind.InvalidRun, path.Kind);
        Assert.Null(path.Run);
        Assert.False(string.IsNullOrEmpty(path.Reason));
    }

    [Fact]
    public void A_run_name_with_a_trailing_line_break_is_not_valid() =>
        Assert.NotNull(BlobPath.RunNameProblem("run\n"));

    [Fact]
    public void A_run_name_of_63_characters_is_valid_and_64_is_not()
    {
        Assert.Null(BlobPath.RunNameProblem(new string('a', 63)));
        Assert.Contains("63", BlobPath.RunNameProblem(new string('a', 64)));
    }
}
