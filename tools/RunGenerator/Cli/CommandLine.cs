namespace ClassVisCloud.RunGenerator.Cli;

/// <summary>Entry point of the command: picks the subcommand, turns usage errors into a message and exit code 1.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            output.Write(Usage.Text);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }
        var rest = args.Skip(1).ToArray();
        try
        {
            return args[0] switch
            {
                "generate" => await GenerateCommand.RunAsync(rest, output, cancellationToken),
                "upload" => await UploadCommand.RunAsync(rest, output, error, cancellationToken),
                "relay" => await RelayCommand.RunAsync(rest, output, error, cancellationToken),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("run with --help for the options");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Files;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("stopped");
            return ExitCodes.Cancelled;
        }
    }
}
