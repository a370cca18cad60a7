namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// The bytes do not decode as Parquet: truncated, corrupt, absurd sizes, or a feature this reader does not
/// support. The message says what and where; the contract layer prefixes it with the column it was reading.
/// </summary>
internal class ParquetFormatException(string message) : Exception(message);
