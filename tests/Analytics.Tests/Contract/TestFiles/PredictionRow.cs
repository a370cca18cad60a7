namespace ClassVisCloud.Analytics.Tests.Contract.TestFiles;

/// <summary>
/// One row of a predictions file written by a test. Ids and labels are strings or longs (null writes a null);
/// a null score vector writes a null list, and a null inside it a null element.
/// </summary>
internal sealed record PredictionRow(object? SampleId, object? Label, double?[]? Scores, string? Split = null);
