using ClassVisCloud.RunGenerator.Upload;

namespace ClassVisCloud.RunGenerator.Tests.Upload;

public class RunFolderTests
{
    [Fact]
    public void Files_come_as_a_training_script_writes_them()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("attention"));
        foreach (var name in new[] { "epoch-10.parquet", "epoch-2.parquet", "epoch-0001.parquet", "run.json", "notes.txt",
                     "epoch-3.parquet.partial", "attention/epoch-2.parquet", "attention/epoch-10.parquet" })
            File.WriteAllText(folder.File(name), "x");

        var files = RunFolder.List(folder.Path);

        Assert.Equal(
            ["run.json", "epoch-0001.parquet", "epoch-2.parquet", "attention/epoch-2.parquet", "epoch-10.parquet", "attention/epoch-10.parquet"],
            files.Select(f => f.RelativeName));
        Assert.Equal([null, 1L, 2L, 2L, 10L, 10L], files.Select(f => f.Epoch));
    }

    [Fact]
    public void A_missing_folder_is_reported_by_name()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => RunFolder.List("/no/such/run-folder"));
        Assert.Contains("/no/such/run-folder", error.Message);
    }
}
