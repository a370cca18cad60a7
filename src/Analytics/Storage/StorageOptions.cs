namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// Where the runs container and the app's tables live. Locally a connection string (Azurite's
/// "UseDevelopmentStorage=true"); in Azure the service URIs, reached by managed identity.
/// </summary>
public sealed record StorageOptions
{
    public string? ConnectionString { get; init; }
    public Uri? BlobServiceUri { get; init; }
    public Uri? TableServiceUri { get; init; }
    /// <summary>Client id of a user-assigned managed identity; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }
    public string Container { get; init; } = "runs";
    /// <summary>Prefix of every table name (letters and digits); tests use their own to stay apart.</summary>
    public string TablePrefix { get; init; } = "cvc";

    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";
}
