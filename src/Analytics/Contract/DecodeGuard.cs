using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Turns every way a hostile or broken file can fail into a <see cref="ContractViolationException"/> with a
/// user-facing reason, while cancellation and failures of the caller's stream (transient, to be retried)
/// pass through untouched.
/// </summary>
internal static class DecodeGuard
{
    /// <summary>Runs a whole read: format errors outside any column name the file.</summary>
    public static async Task<T> FileAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (SourceReadException source)
        {
            source.Rethrow();
            throw;
        }
        catch (NotParquetException)
        {
            throw new ContractViolationException("not a Parquet file");
        }
        catch (Exception exception) when (IsDecodeFailure(exception))
        {
            throw new ContractViolationException($"cannot decode the Parquet file: {Describe(exception)}");
        }
    }

    /// <summary>Runs the decoding of one column, naming it in the reason if its bytes do not decode.</summary>
    public static async Task<T> ColumnAsync<T>(string column, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (IsDecodeFailure(exception))
        {
            throw new ContractViolationException($"cannot decode column '{column}': {Describe(exception)}");
        }
    }

    private static bool IsDecodeFailure(Exception exception) =>
        exception is not (OperationCanceledException or ContractViolationException or SourceReadException or NotParquetException);

    // Our own format errors read as sentences; anything else (a codec library's or a bug) keeps its type.
    private static string Describe(Exception exception) =>
        exception is ParquetFormatException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
}
