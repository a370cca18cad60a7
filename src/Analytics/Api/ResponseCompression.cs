using System.IO.Compression;

namespace ClassVisCloud.Analytics.Api;

/// <summary>
/// Large answers (100,000 samples) are compressed by the app itself, the same way on every host whatever its
/// middleware: brotli when the client accepts it, else gzip, at the fastest level.
/// </summary>
public static class ResponseCompression
{
    public const int Threshold = 8 * 1024;

    /// <summary>The encoding to send a body of <paramref name="length"/> bytes in, or null for none.</summary>
    public static string? Choose(string? acceptEncoding, int length)
    {
        if (length < Threshold || string.IsNullOrEmpty(acceptEncoding)) return null;
        if (acceptEncoding.Contains("br", StringComparison.OrdinalIgnoreCase)) return "br";
        if (acceptEncoding.Contains("gzip", StringComparison.OrdinalIgnoreCase)) return "gzip";
        return null;
    }

    public static byte[] Compress(byte[] body, string encoding)
    {
        var output = new MemoryStream(body.Length / 2);
        using (var compressor = Open(output, encoding))
        {
            compressor.Write(body);
        }
        return output.ToArray();
    }

    /// <summary>A stream that compresses what is written to it into <paramref name="output"/> (left open), as it goes.</summary>
    public static Stream Open(Stream output, string encoding) => encoding == "br"
        ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true)
        : new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);

    /// <summary>What compressing <paramref name="length"/> bytes holds at most: the output buffer and its copy.</summary>
    public static long EstimatedBytes(int length) => length + 1024 * 1024;
}
