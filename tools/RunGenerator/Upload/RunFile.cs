namespace ClassVisCloud.RunGenerator.Upload;

public enum RunFileKind { Manifest, Predictions, Attention }

/// <summary>A file of a run folder and the name it gets under the run's prefix in the container.</summary>
/// <param name="RelativeName">e.g. <c>run.json</c>, <c>epoch-7.parquet</c>, <c>attention/epoch-7.parquet</c>.</param>
/// <param name="Epoch">The epoch number (any zero padding), or null for the manifest.</param>
public sealed record RunFile(string LocalPath, string RelativeName, RunFileKind Kind, long? Epoch);
