using System.Globalization;
using System.Text.RegularExpressions;
using ClassVisCloud.RunGenerator.Upload;

namespace ClassVisCloud.RunGenerator.Cli;

/// <summary><c>upload</c>: sends a run folder to the blob container as a training script would.</summary>
internal static partial class UploadCommand
{
    /// <summary>Where the connection string comes from when --connection is not given (the tests' variable).</summary>
    public const string ConnectionVariable = "CVC_STORAGE";

    private static readonly HashSet<string> Values = ["from", "run", "connection", "container", "delay-ms"];

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = new Options(args, Values, new HashSet<string>());
        var folder = options.Required("from");
        var run = options.Required("run");
        if (!RunName().IsMatch(run))
            throw new UsageException(
                $"run name '{run}' breaks the contract: 1-63 characters of A-Z a-z 0-9 . _ -, not starting with '.'");
        var delay = options.Int("delay-ms", 0);
        if (delay < 0)
            throw new UsageException($"--delay-ms must not be negative (got {delay})");
        var connection = options.String("connection")
            ?? Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? StorageConnection.DevelopmentStorage;
        var containerName = options.String("container") ?? StorageConnection.DefaultContainer;

        IReadOnlyList<RunFile> files;
        try
        {
            files = RunFolder.List(folder);
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Files;
        }
        if (!files.Any(f => f.Kind == RunFileKind.Predictions))
        {
            error.WriteLine($"error: no epoch-N.parquet files in '{folder}'");
            return ExitCodes.Files;
        }

        Azure.Storage.Blobs.BlobContainerClient container;
        try
        {
            container = StorageConnection.OpenContainer(connection, containerName);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException($"--connection is not a valid storage connection string: {e.Message}");
        }

        try
        {
            var uploaded = await new RunUploader(container).UploadAsync(folder, run, TimeSpan.FromMilliseconds(delay),
                blob => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"uploaded {containerName}/{blob.Name} ({blob.Bytes / 1e6:F2} MB, {blob.Elapsed.TotalMilliseconds:F0} ms)")),
                cancellationToken);
            output.WriteLine($"done: {uploaded.Count} blobs to {container.Uri}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (StorageConnection.IsUnreachable(e))
        {
            error.WriteLine($"error: storage not reachable at {container.Uri} ({StorageConnection.Reason(e)}).");
            error.WriteLine(StorageConnection.AzuriteHint);
            return ExitCodes.StorageUnreachable;
        }
        catch (Azure.RequestFailedException e)
        {
            error.WriteLine($"error: storage refused the upload to {container.Uri}: {StorageConnection.Reason(e)}: {FirstLine(e.Message)}");
            return ExitCodes.StorageFailed;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Files;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex(@"^[A-Za-z0-9_\-][A-Za-z0-9._\-]{0,62}$")]
    private static partial Regex RunName();
}
