using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace ClassVisCloud.Api.Auth;

/// <summary>Who may read the API: nobody checked (<c>none</c>, the loopback DevHost), holders of a key, or Entra ID sign-ins.</summary>
public enum ApiAuthMode { None, Key, Entra }

/// <summary>
/// The API's sign-in settings (section <c>Auth</c>; app settings <c>Auth__Mode</c>, <c>Auth__KeySha256</c>, ...).
/// Keys are kept as SHA-256 hashes only, so the settings never hold a usable secret; in <c>entra</c> mode keys are
/// accepted as well when some are set (scripts, Power BI), tokens otherwise.
/// </summary>
public sealed record ApiAuthOptions
{
    public const string Section = "Auth";
    public const string DefaultRole = "ClassVisCloud.Read";

    public ApiAuthMode Mode { get; init; }

    /// <summary>Lower-case hex SHA-256 digests of the accepted keys (two during a rotation).</summary>
    public IReadOnlyList<string> KeySha256 { get; init; } = [];

    /// <summary>The token issuer's base, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public Uri? Authority { get; init; }

    /// <summary>Where the OpenID metadata is read; default: {Authority}/.well-known/openid-configuration.</summary>
    public Uri? MetadataAddress { get; init; }

    /// <summary>The accepted <c>aud</c> values: the API's application id URI and its client id.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>The app role a token must carry to read.</summary>
    public string Role { get; init; } = DefaultRole;

    public bool AcceptsKeys => KeySha256.Count > 0;

    public Uri MetadataUri => MetadataAddress ?? new Uri(Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");

    /// <summary>The hash a key setting holds: <c>echo -n KEY | sha256sum</c>.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Reads the section; a setting that cannot work is refused with a message naming it (never a silent "open").</summary>
    /// <param name="defaultMode">The mode when Auth:Mode is absent, or null when it must be given.</param>
    public static ApiAuthOptions Read(IConfiguration configuration, ApiAuthMode? defaultMode)
    {
        var section = configuration.GetSection(Section);
        var modeText = section["Mode"];
        ApiAuthMode mode;
        if (string.IsNullOrWhiteSpace(modeText))
            mode = defaultMode ?? throw new ApiAuthSettingsException("Auth:Mode (app setting Auth__Mode) is not set: it must be 'key' or 'entra' (or 'none' on a machine of your own)");
        else if (!Enum.TryParse(modeText.Trim(), ignoreCase: true, out mode) || !Enum.IsDefined(mode) || modeText.Trim().All(char.IsAsciiDigit))
            throw new ApiAuthSettingsException($"Auth:Mode is '{modeText}': it must be none, key or entra");

        var hashes = Split(section["KeySha256"]).Select(h => h.ToLowerInvariant()).ToList();
        foreach (var hash in hashes)
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
                throw new ApiAuthSettingsException($"Auth:KeySha256 holds '{hash}', which is not a SHA-256 digest (64 hex digits); set the hash of a key (echo -n KEY | sha256sum), never the key itself");

        var options = new ApiAuthOptions
        {
            Mode = mode,
            KeySha256 = hashes,
            Authority = ReadUri(section, "Authority"),
            MetadataAddress = ReadUri(section, "MetadataAddress"),
            Audiences = Split(section["Audience"]),
            Role = string.IsNullOrWhiteSpace(section["Role"]) ? DefaultRole : section["Role"]!.Trim(),
        };
        if (mode == ApiAuthMode.Key && !options.AcceptsKeys)
            throw new ApiAuthSettingsException("Auth:Mode is key but Auth:KeySha256 is empty: set the SHA-256 hash of at least one key");
        if (mode == ApiAuthMode.Entra)
        {
            if (options.Authority is null) throw new ApiAuthSettingsException("Auth:Mode is entra but Auth:Authority is not set (e.g. https://login.microsoftonline.com/<tenant id>/v2.0)");
            if (options.Audiences.Count == 0) throw new ApiAuthSettingsException("Auth:Mode is entra but Auth:Audience is not set (the API's application id URI api://<client id> and/or its client id)");
            foreach (var uri in new[] { options.Authority, options.MetadataUri })
                if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
                    throw new ApiAuthSettingsException($"'{uri}' is not HTTPS: the sign-in authority's metadata and keys are read over HTTPS only (plain HTTP is allowed for a loopback test authority)");
        }
        return options;
    }

    static IReadOnlyList<string> Split(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static Uri? ReadUri(IConfigurationSection section, string name) =>
        section[name] is not { Length: > 0 } text ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri
        : throw new ApiAuthSettingsException($"Auth:{name} is '{text}', which is not an absolute http(s) URL");
}

/// <summary>Sign-in settings that cannot work: the host refuses to serve the API rather than serve it open.</summary>
public sealed class ApiAuthSettingsException(string message) : Exception(message);
