namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>The file's bytes or footer are inconsistent: reported as "cannot decode the Parquet file: ...".</summary>
internal sealed class ParquetFormatException(string message) : Exception(message);
