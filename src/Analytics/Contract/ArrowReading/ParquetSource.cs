using System.Runtime.CompilerServices;
using Apache.Arrow;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// An opened Parquet file, read through Apache Arrow's C++ reader (ParquetSharp): its top-level columns, and
/// their values in record batches of at most <see cref="BatchRows"/> rows, one column set at a time. Before a
/// column is decoded, what the footer claims about it is checked (<see cref="FooterChecks"/>).
/// </summary>
internal sealed class ParquetSource : IDisposable
{
    /// <summary>Rows per record batch, at most: batches of a narrow file stay large enough to read fast.</summary>
    public const int MaxBatchRows = 64 * 1024;

    /// <summary>
    /// Values per record batch, at most: bounds what one batch holds, however wide the file. Small on purpose: a batch's
    /// buffers (values, levels) are reused by the next one while still in the cache and mapped, where large batches touch
    /// fresh memory every time (page faults took a third of a read). The scores column of 100,000 × 70 decoded in 105 ms with
    /// 256 Ki values a batch, against 122 ms with 1 Mi and 150 ms with 4 Mi; 1,000,000 × 70 in 1.0–1.06 s against
    /// 1.35–1.53 s; 20,000 × 1,000 in 321 ms against 360 ms (bench decode, median of the whole read).
    /// </summary>
    public const long MaxBatchValues = 256L << 10;

    /// <summary>Pages are read through a buffer of this size instead of whole column chunks at once.</summary>
    private const long ReadBufferBytes = 1 << 20;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;
    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private readonly SourceStream stream;
    private readonly Stream? spooled;
    private readonly FileReader reader;
    private readonly FooterLayout footer;
    private readonly int maxRows;

    private ParquetSource(SourceStream stream, Stream? spooled, FileReader reader, FooterLayout footer, IReadOnlyList<FileColumn> columns, int maxRows)
    {
        this.stream = stream;
        this.spooled = spooled;
        this.reader = reader;
        this.footer = footer;
        this.maxRows = maxRows;
        Columns = columns;
    }

    public IReadOnlyList<FileColumn> Columns { get; }

    /// <summary>The file's row count, as its footer says (checked against its row groups when columns are read).</summary>
    public long Rows => footer.Rows;

    /// <summary>The first failure of the caller's stream, rethrown as it was; nothing when the stream never failed.</summary>
    public void RethrowSourceFailure() => stream.RethrowFailure();

    /// <summary>
    /// Opens the file. Arrow's reader needs random access: a stream that cannot seek is first spooled to a temporary
    /// file (an epoch file may be hundreds of MiB).
    /// </summary>
    /// <param name="maxRows">The most rows this kind of file may have: checked with the footer's other claims.</param>
    public static async Task<ParquetSource> OpenAsync(Stream source, int maxRows, CancellationToken cancellationToken)
    {
        Stream? spooled = source.CanSeek ? null : await SpoolAsync(source, cancellationToken);
        var stream = new SourceStream(spooled ?? source);
        try
        {
            CheckMagic(stream);
            // jemalloc, not Arrow's default mimalloc: a 1,000,000 × 70 read peaked 76 MB lower with it (bench decode),
            // the margin that keeps such an ingest in the DevHost under 1 GiB.
            using var properties = ReaderProperties.WithMemoryPool(MemoryPool.JemallocMemoryPool());
            properties.EnableBufferedStream();
            properties.BufferSize = ReadBufferBytes;
            using var arrowProperties = ArrowReaderProperties.GetDefault();
            var layout = FooterLayout.Read(stream, properties);
            arrowProperties.BatchSize = layout.BatchRows(MaxBatchValues, MaxBatchRows);
            // Dictionary-encoded text stays a dictionary: a few long strings repeated on every row (a bomb that
            // no footer size reveals) are never expanded, and a split or label column decodes each name once.
            foreach (int leaf in layout.DictionaryTextLeaves) arrowProperties.SetReadDictionary(leaf, true);
            arrowProperties.UseThreads = false;
            arrowProperties.PreBuffer = false;
            var reader = new FileReader(stream, properties, arrowProperties, leaveOpen: true);
            try
            {
                var columns = DescribeColumns(reader);
                return new ParquetSource(stream, spooled, reader, layout, columns, maxRows);
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        catch (Exception exception)
        {
            spooled?.Dispose();
            if (stream.Failure is { } failure && exception is not OperationCanceledException) throw new SourceReadException(failure);
            throw;
        }
    }

    /// <summary>
    /// The rows of <paramref name="columns"/>, in file order, a batch at a time, each batch's arrays in the order
    /// of <paramref name="columns"/>. The caller disposes each batch.
    /// </summary>
    public async IAsyncEnumerable<ColumnBatch> ReadAsync(IReadOnlyList<FileColumn> columns,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FooterChecks.Check(ShapeOf(columns));
        // Arrow returns the chosen columns in file order.
        var inFileOrder = columns.OrderBy(c => c.Leaves.Min()).ToList();
        int[] positions = [.. columns.Select(c => inFileOrder.IndexOf(c))];
        using var batches = reader.GetRecordBatchReader(columns: [.. inFileOrder.SelectMany(c => c.Leaves)]);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await batches.ReadNextRecordBatchAsync(cancellationToken);
            if (batch is null) yield break;
            yield return new ColumnBatch(batch, positions);
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        spooled?.Dispose();
    }

    private static void CheckMagic(Stream stream)
    {
        long length = stream.Length;
        if (length < 12) throw new NotParquetException();
        Span<byte> head = stackalloc byte[4], tail = stackalloc byte[4];
        stream.Position = 0;
        stream.ReadExactly(head);
        stream.Position = length - 4;
        stream.ReadExactly(tail);
        stream.Position = 0;
        if (tail.SequenceEqual(EncryptedMagic))
            throw new ContractViolationException("the file is encrypted; upload it without Parquet modular encryption");
        if (!head.SequenceEqual(Magic) || !tail.SequenceEqual(Magic)) throw new NotParquetException();
    }

    private static List<FileColumn> DescribeColumns(FileReader reader)
    {
        var fields = reader.Schema.FieldsList;
        var manifest = reader.SchemaManifest.SchemaFields;
        var columns = new List<FileColumn>(fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            var leaves = new List<int>();
            CollectLeaves(manifest[i], leaves);
            columns.Add(new FileColumn(fields[i].Name, fields[i].DataType, [.. leaves]));
        }
        return columns;
    }

    private static void CollectLeaves(SchemaField field, List<int> leaves)
    {
        if (field.ColumnIndex >= 0) leaves.Add(field.ColumnIndex);
        foreach (var child in field.Children) CollectLeaves(child, leaves);
    }

    private FileShape ShapeOf(IReadOnlyList<FileColumn> columns)
    {
        var chunks = new List<ChunkShape>();
        for (int group = 0; group < footer.RowGroupRows.Length; group++)
        {
            foreach (var column in columns)
            {
                foreach (int leaf in column.Leaves)
                {
                    var claim = footer.Chunks[group][leaf];
                    chunks.Add(new ChunkShape(column.Name, group, claim.Values, claim.CompressedBytes, claim.UncompressedBytes, column.Kind == ValueKind.String));
                }
            }
        }
        return new FileShape(stream.Length, footer.Rows, footer.RowGroupRows, chunks, maxRows);
    }

    private static async Task<Stream> SpoolAsync(Stream source, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
        try
        {
            await source.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return file;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await file.DisposeAsync();
            throw new SourceReadException(exception);
        }
    }
}

/// <summary>One record batch of the columns asked for, in the order asked for.</summary>
internal sealed class ColumnBatch(RecordBatch batch, int[] positions) : IDisposable
{
    public int Length => batch.Length;

    /// <summary>The array of the <paramref name="index"/>-th column asked for.</summary>
    public IArrowArray this[int index] => batch.Column(positions[index]);

    public void Dispose() => batch.Dispose();
}

/// <summary>The bytes are not a Parquet file at all.</summary>
internal sealed class NotParquetException() : Exception("not a Parquet file");

/// <summary>The caller's stream failed while it was spooled; the original exception is the inner one.</summary>
internal sealed class SourceReadException(Exception inner) : Exception(inner.Message, inner);
