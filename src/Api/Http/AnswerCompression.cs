namespace ClassVisCloud.Api;

/// <summary>
/// Whether the API's answers are compressed for clients that accept it (<see cref="ResponseCompression"/>). On by
/// default: deployed, answers cross a real network. A host whose only clients share its machine turns it off (the
/// DevHost listens on loopback only): there, a browser's brotli decoding is the cost and nothing is saved. A
/// 1,000,000-sample samples answer (29 MB, 10.6 MB in brotli) took 300–550 ms to fetch in an idle Chromium page and
/// 218 ms to decode in Node, where the uncompressed bytes cross loopback in about 40 ms. The CSV exports are not
/// answers kept in memory; they stream and are compressed as before.
/// </summary>
public sealed record AnswerCompression(bool Enabled)
{
    public static readonly AnswerCompression On = new(true);

    /// <summary>The encoding to send a body of <paramref name="length"/> bytes in, or null for none.</summary>
    public string? Choose(string? acceptEncoding, int length) => Enabled ? ResponseCompression.Choose(acceptEncoding, length) : null;
}
