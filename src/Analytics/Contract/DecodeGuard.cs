using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Turns every way a hostile or broken file can fail into a <see cref="ContractViolationException"/> with a
/// user-facing reason, while cancellation and failures of the caller's stream (transient, to be retried)
/// pass through untouched.
/// </summary>
internal static partial class DecodeGuard
{
    /// <summary>Opens the file and runs a whole read: format errors outside any column name the file.</summary>
    public static async Task<T> FileAsync<T>(Stream parquet, int maxRows, Func<ParquetSource, Task<T>> read, CancellationToken cancellationToken)
    {
        ParquetSource? file = null;
        try
        {
            file = await ParquetSource.OpenAsync(parquet, maxRows, cancellationToken);
            return await read(file);
        }
        catch (SourceReadException source)
        {
            ExceptionDispatchInfo.Throw(source.InnerException!);
            throw;
        }
        catch (NotParquetException)
        {
            throw new ContractViolationException("not a Parquet file");
        }
        catch (Exception exception) when (IsDecodeFailure(exception))
        {
            // The native reader reports a failing stream as its own error: give the caller the original.
            file?.RethrowSourceFailure();
            throw new ContractViolationException($"cannot decode the Parquet file: {Describe(exception)}");
        }
        catch (ContractViolationException) when (file is not null)
        {
            file.RethrowSourceFailure();
            throw;
        }
        finally
        {
            file?.Dispose();
        }
    }

    /// <summary>Runs the decoding of one column, naming it in the reason if its bytes do not decode.</summary>
    public static Task<T> ColumnAsync<T>(string column, Func<Task<T>> read) => ColumnsAsync($"column '{column}'", read);

    /// <summary>Runs the decoding of some columns, naming them (<paramref name="what"/>) in the reason if their bytes do not decode.</summary>
    public static async Task<T> ColumnsAsync<T>(string what, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (IsDecodeFailure(exception))
        {
            throw new ContractViolationException($"cannot decode {what}: {Describe(exception)}");
        }
    }

    private static bool IsDecodeFailure(Exception exception) =>
        exception is not (OperationCanceledException or ContractViolationException or SourceReadException or NotParquetException);

    /// <summary>
    /// Our own format errors read as sentences; the native reader's lose their wrapper ("IOError (message: '…')");
    /// anything else keeps its type, which tells a bug from a bad file.
    /// </summary>
    private static string Describe(Exception exception) => exception switch
    {
        ParquetFormatException => exception.Message,
        ParquetSharp.ParquetException when NativeMessage().Match(exception.Message) is { Success: true } match => match.Groups[1].Value.Trim(),
        ParquetSharp.ParquetException => exception.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    [GeneratedRegex(@"^\w+ \(message: '(.*)'\)$", RegexOptions.Singleline)]
    private static partial Regex NativeMessage();
}
