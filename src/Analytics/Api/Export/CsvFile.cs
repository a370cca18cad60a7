using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassVisCloud.Analytics.Api.Export;

/// <summary>
/// Writes rows as an RFC 4180 file (UTF-8 without a byte-order mark, a header row, CRLF line ends, invariant
/// culture) to a stream as they come: rows are encoded into a buffer of <see cref="SliceBytes"/> that goes out in
/// one asynchronous write each time it fills, so a file of any size holds one slice in memory, and the HTTP
/// servers (which refuse synchronous writes) are only ever written to asynchronously.
/// </summary>
public static class CsvFile
{
    public const int SliceBytes = 64 * 1024;

    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        // Text columns are made formula-safe by FormulaSafeText (losslessly); numbers, negative ones too, stay numbers.
        InjectionOptions = InjectionOptions.None,
    };

    public static async Task WriteAsync<TRow, TColumns>(Stream output, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken = default)
        where TColumns : ClassMap<TRow>, new()
    {
        var slice = new MemoryStream(SliceBytes + SliceBytes / 4);
        await using var text = new StreamWriter(slice, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration, leaveOpen: true);
        csv.Context.RegisterClassMap<TColumns>();
        csv.WriteHeader<TRow>();
        csv.NextRecord();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteRecord(row);
            csv.NextRecord();
            if (slice.Length >= SliceBytes) await SendAsync();
        }
        await SendAsync();

        async Task SendAsync()
        {
            csv.Flush();
            text.Flush();
            await output.WriteAsync(slice.GetBuffer().AsMemory(0, (int)slice.Length), cancellationToken);
            slice.SetLength(0);
        }
    }

}
