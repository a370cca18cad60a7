namespace ClassVisCloud.RunGenerator.Cli;

/// <summary>What the command's exit code tells a script.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments: unknown command or option, missing or malformed value.</summary>
    public const int Usage = 1;

    /// <summary>Local files: the run folder is missing or empty, or a file could not be written or read.</summary>
    public const int Files = 2;

    /// <summary>Nothing answered at the storage endpoint (Azurite not started, wrong host or port).</summary>
    public const int StorageUnreachable = 3;

    /// <summary>Storage answered with an error (authentication, bad container name, ...).</summary>
    public const int StorageFailed = 4;

    /// <summary>relay: the webhook refused the Event Grid subscription validation, or answered it without its code.</summary>
    public const int WebhookRefused = 5;

    /// <summary>Stopped by Ctrl-C (SIGINT) or SIGTERM before the command finished (the relay's normal end is 0).</summary>
    public const int Cancelled = 130;
}
