namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// The byte buffers and decompressor that page reading needs, shared by the column chunks of one file, which
/// are read one after another. They grow to the largest page and are dropped with the file: no pool keeps
/// tens of MiB alive after an epoch is decoded.
/// </summary>
internal sealed class PageBuffers : IDisposable
{
    private byte[] header = [];
    private byte[] body = [];

    public PageDecompressor Decompressor { get; } = new();

    public byte[] Header(int size) => Grow(ref header, size);

    public byte[] Body(int size) => Grow(ref body, size);

    /// <summary>
    /// A buffer of at least <paramref name="size"/> bytes, keeping the first <paramref name="keep"/>. A buffer
    /// that must grow takes a quarter more than asked, so pages a few bytes apart in size do not each cost a
    /// new one, without doubling a page of hundreds of MiB.
    /// </summary>
    public static byte[] Grow(ref byte[] buffer, int size, int keep = 0)
    {
        if (buffer.Length >= size) return buffer;
        int grown = buffer.Length == 0 ? size : (int)Math.Min(Math.Max(size, buffer.Length + (long)buffer.Length / 4), Array.MaxLength);
        var larger = GC.AllocateUninitializedArray<byte>(grown);
        buffer.AsSpan(0, keep).CopyTo(larger);
        return buffer = larger;
    }

    public void Dispose() => Decompressor.Dispose();
}
