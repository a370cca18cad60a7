namespace ClassVisCloud.Api;

/// <summary>Where a parameter comes from.</summary>
public enum ParameterIn { Path, Query }

/// <summary>One parameter of a route; <paramref name="Schema"/> is its JSON Schema as JSON text.</summary>
public sealed record ApiParameter(string Name, ParameterIn In, string Description, string Schema = """{"type":"string"}""");

/// <summary>
/// One route of the API as the description states it: method, path (under /api), what it answers with 200, and
/// whether it carries an ETag (then 304 is an answer too), may answer as an Arrow IPC stream, or answers with a CSV file
/// (then <paramref name="Answer"/> is <see cref="string"/> and the summary names the columns).
/// </summary>
public sealed record ApiRoute(
    string Method,
    string Path,
    string Name,
    string Summary,
    Type Answer,
    IReadOnlyList<ApiParameter> Parameters,
    Type? Body = null,
    bool ETag = false,
    bool Arrow = false,
    bool Csv = false);
