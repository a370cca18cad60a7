using ClassVisCloud.RunGenerator.Cli;
using ClassVisCloud.RunGenerator.Tests.Upload;

namespace ClassVisCloud.RunGenerator.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _folder.Dispose();

    private Task<int> RunAsync(params string[] args) => CommandLine.RunAsync(args, _output, _error);

    [Fact]
    public async Task Generate_writes_the_run_and_reports_each_epoch()
    {
        var code = await RunAsync("generate", "--out", _folder.Path, "--samples", "200", "--classes", "5", "--epochs", "3",
            "--seed", "7", "--attention", "--logits", "--every", "1", "--zstd-level", "1");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(_folder.File("attention/epoch-3.parquet")));
        Assert.Contains("\"scores\": \"logits\"", File.ReadAllText(_folder.File("run.json")));
        Assert.Contains("epoch 3/3", _output.ToString());
    }

    [Fact]
    public async Task Generate_writes_the_wide_form_with_snappy()
    {
        var code = await RunAsync("generate", "--out", _folder.Path, "--samples", "50", "--epochs", "1", "--wide", "--compression", "snappy");

        Assert.Equal(ExitCodes.Ok, code);
        var file = await PredictionsFile.ReadAsync(_folder.File("epoch-1.parquet"));
        Assert.Contains("score_C50.8", file.Columns);
    }

    [Theory]
    [InlineData("unknown option '--sample'", "generate", "--out", "x", "--sample", "3")]
    [InlineData("--out is required", "generate")]
    [InlineData("--classes must be an integer", "generate", "--out", "x", "--classes", "many")]
    [InlineData("classes must be between 2 and 1000", "generate", "--out", "x", "--classes", "1")]
    [InlineData("zstd level 5 is not available", "generate", "--out", "x", "--zstd-level", "5")]
    [InlineData("unknown command 'train'", "train")]
    [InlineData("run name '.hidden' breaks the contract", "upload", "--from", "x", "--run", ".hidden")]
    [InlineData("--run is required", "upload", "--from", "x")]
    [InlineData("--webhook must be an http(s) URL", "relay", "--webhook", "ftp://localhost/x")]
    [InlineData("--webhook must be an http(s) URL", "relay", "--webhook", "localhost:7071")]
    [InlineData("--interval-ms must be at least 50", "relay", "--interval-ms", "10")]
    [InlineData("unknown option '--existing'", "relay", "--existing")]
    public async Task Bad_arguments_exit_with_1_and_say_what_is_wrong(string message, params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, await RunAsync(args));
        Assert.Contains(message, _error.ToString());
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync("--help"));
        Assert.Contains("generate --out DIR", _output.ToString());
        Assert.Contains("upload --from DIR --run NAME", _output.ToString());
        Assert.Contains("relay [options]", _output.ToString());
        Assert.Contains("http://localhost:7071/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob", _output.ToString());
    }

    [Fact]
    public async Task The_relay_waits_for_storage_that_is_not_running_says_how_to_start_azurite_and_stops_on_cancel()
    {
        const string nothingListening = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var run = CommandLine.RunAsync(["relay", "--connection", nothingListening, "--webhook", "http://127.0.0.1:1/runtime/webhooks/blobs"], output, _error, stop.Token);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!output.ToString().Contains("storage not reachable", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !run.IsCompleted)
            await Task.Delay(50);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Ok, await run);
        Assert.Contains("storage not reachable at http://127.0.0.1:1/devstoreaccount1/runs", output.ToString());
        Assert.Contains("Azurite", output.ToString());
        Assert.Contains("stopped: 0 event(s) delivered", output.ToString());
    }

    [Fact]
    public async Task Upload_of_a_missing_folder_exits_with_2()
    {
        Assert.Equal(ExitCodes.Files, await RunAsync("upload", "--from", _folder.File("nothing"), "--run", "r1"));
        Assert.Contains("does not exist", _error.ToString());
    }

    [Fact]
    public async Task Upload_to_storage_that_is_not_running_exits_with_3_and_says_how_to_start_azurite()
    {
        await RunAsync("generate", "--out", _folder.Path, "--samples", "20", "--epochs", "1");
        const string nothingListening = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var code = await RunAsync("upload", "--from", _folder.Path, "--run", "r1", "--connection", nothingListening);

        Assert.Equal(ExitCodes.StorageUnreachable, code);
        Assert.Contains("storage not reachable at http://127.0.0.1:1/devstoreaccount1/runs", _error.ToString());
        Assert.Contains("Azurite", _error.ToString());
    }

    [Fact]
    public async Task Upload_prints_one_line_per_blob()
    {
        var storage = new TestStorage();
        await storage.InitializeAsync();
        try
        {
            await RunAsync("generate", "--out", _folder.Path, "--samples", "20", "--epochs", "2");
            var code = await RunAsync("upload", "--from", _folder.Path, "--run", "cli-run",
                "--connection", storage.ConnectionString, "--container", storage.ContainerName, "--delay-ms", "10");

            Assert.Equal(ExitCodes.Ok, code);
            var lines = _output.ToString().Split('\n').Where(l => l.StartsWith("uploaded ")).ToArray();
            Assert.Equal(3, lines.Length);
            Assert.StartsWith($"uploaded {storage.ContainerName}/cli-run/run.json", lines[0]);
            Assert.StartsWith($"uploaded {storage.ContainerName}/cli-run/epoch-2.parquet", lines[2]);
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }
}
