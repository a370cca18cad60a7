namespace ClassVisCloud.Api;

/// <summary>Every error: 400, 404, 413, 421 or 500, never a stack trace.</summary>
public sealed record ApiError(string Error, string? Detail);
