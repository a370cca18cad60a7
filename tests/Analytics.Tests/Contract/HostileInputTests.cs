using Apache.Arrow;
using Apache.Arrow.Types;
using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>
/// Truncated, garbage and corrupted bytes never crash the reader with another exception type, never hang it,
/// and never make it allocate much: each ends in a <see cref="ContractViolationException"/> (or, by luck, a
/// file that still satisfies the contract).
/// </summary>
public class HostileInputTests
{
    private const long MaxAllocationPerRead = 64L << 20;

    private static readonly Lazy<byte[]> SmallFile = new(() =>
    {
        var rows = Enumerable.Range(0, 30).Select(i => InSplit(i % 2 == 0 ? "train" : "test", $"s-{i}", (long)(i % 3), 0.2, 0.3, 0.5)).ToList();
        using var stream = PredictionsFile.WriteAsync(rows, new PredictionsFileOptions { Epoch = 3, RowsPerGroup = 11, Nullable = true }).GetAwaiter().GetResult();
        return stream.ToArray();
    });

    /// <summary>Reads on a worker thread with a deadline, and measures what that thread allocated.</summary>
    private static async Task<Exception?> ReadGuardedAsync(byte[] bytes, Func<Stream, Task> read)
    {
        var work = Task.Run(async () =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                await read(new MemoryStream(bytes, writable: false));
                return (Exception?)null;
            }
            catch (Exception exception)
            {
                return exception;
            }
            finally
            {
                // Reads from a MemoryStream complete synchronously, so the whole read ran on this thread.
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated < MaxAllocationPerRead, $"a read of {bytes.Length} bytes allocated {allocated:N0} bytes");
            }
        });
        return await work.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Task<Exception?> ReadPredictionsAsync(byte[] bytes) =>
        ReadGuardedAsync(bytes, stream => PredictionsReader.ReadAsync(stream, Context(), CancellationToken.None));

    private static void AssertContractViolationOrSuccess(Exception? exception, string what)
    {
        if (exception is not null and not ContractViolationException)
            Assert.Fail($"{what}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}");
    }

    [Fact]
    public async Task An_empty_stream_is_not_a_parquet_file()
    {
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(), Context(), CancellationToken.None), "not a Parquet file");
    }

    [Fact]
    public async Task A_csv_file_is_not_a_parquet_file()
    {
        var csv = "sample_id,label,scores\na,0,\"[1,0]\"\n"u8.ToArray();
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(csv), Context(), CancellationToken.None), "not a Parquet file");
    }

    [Fact]
    public async Task Garbage_between_the_magic_bytes_cannot_be_decoded()
    {
        byte[] garbage = [.. "PAR1"u8, .. Enumerable.Repeat((byte)0xAB, 100), 50, 0, 0, 0, .. "PAR1"u8];
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(garbage), Context(), CancellationToken.None),
            "cannot decode the Parquet file");
    }

    [Fact]
    public async Task A_footer_length_beyond_the_file_cannot_be_decoded()
    {
        var bytes = SmallFile.Value.ToArray();
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, bytes.Length - 8);
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(bytes), Context(), CancellationToken.None),
            "cannot decode the Parquet file: ", "size reported by footer");
    }

    [Fact]
    public async Task Every_truncation_is_rejected()
    {
        var bytes = SmallFile.Value;
        for (int length = 0; length < bytes.Length; length += 7)
        {
            var exception = await ReadPredictionsAsync(bytes[..length]);
            Assert.IsType<ContractViolationException>(exception);
        }
    }

    [Fact]
    public async Task Random_corruption_ends_in_a_contract_violation()
    {
        var original = SmallFile.Value;
        var random = new Random(2024);
        for (int attempt = 0; attempt < 1500; attempt++)
        {
            var bytes = original.ToArray();
            int flips = 1 + random.Next(4);
            for (int i = 0; i < flips; i++)
            {
                // Most of the damage goes to the footer and page headers, where lengths and counts live.
                int at = random.Next(3) == 0 ? random.Next(bytes.Length) : bytes.Length - 1 - random.Next(Math.Min(600, bytes.Length));
                bytes[at] = random.Next(3) switch { 0 => (byte)random.Next(256), 1 => 0xFF, _ => (byte)(bytes[at] ^ (1 << random.Next(8))) };
            }
            AssertContractViolationOrSuccess(await ReadPredictionsAsync(bytes), $"attempt {attempt}");
        }
    }

    [Fact]
    public async Task Random_corruption_of_the_real_runs_files_ends_in_a_contract_violation()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.FortunesHan, "epoch-1.parquet"));
        var attention = File.ReadAllBytes(Path.Combine(TestPaths.FortunesHan, "attention", "epoch-1.parquet"));
        var random = new Random(77);
        for (int attempt = 0; attempt < 150; attempt++)
        {
            var source = attempt % 2 == 0 ? original : attention;
            var bytes = source.ToArray();
            int at = random.Next(2) == 0 ? random.Next(bytes.Length) : bytes.Length - 1 - random.Next(1500);
            bytes[at] ^= (byte)(1 + random.Next(255));
            var exception = attempt % 2 == 0
                ? await ReadPredictionsAsync(bytes)
                : await ReadGuardedAsync(bytes, stream => AttentionReader.ReadAsync(stream, CancellationToken.None));
            AssertContractViolationOrSuccess(exception, $"attempt {attempt} at byte {at}");
        }
    }

    [Fact]
    public async Task A_long_id_repeated_on_every_row_is_never_expanded_and_its_reason_stays_short()
    {
        // 100,000 rows pointing at one 1 MiB id in a dictionary: 100 GB of text if the reader expanded it.
        var bytes = DictionaryBomb(rows: 100_000, idLength: 1 << 20);
        Assert.True(bytes.Length < 100_000, $"the bomb should be small, is {bytes.Length:N0} bytes");

        var violation = Assert.IsType<ContractViolationException>(await ReadPredictionsAsync(bytes));

        Assert.StartsWith("column 'sample_id' has 1,048,576 UTF-8 bytes at row 0 (sample_id 'xxxx", violation.Message);
        Assert.EndsWith("(1,048,576 characters)'); a sample id has at most 256", violation.Message);
        Assert.True(violation.Message.Length < 400, violation.Message);
    }

    /// <summary>A list-form file whose sample_id column is one dictionary entry of <paramref name="idLength"/> characters, on every row.</summary>
    private static byte[] DictionaryBomb(int rows, int idLength)
    {
        var dictionary = new StringArray.Builder().Append(new string('x', idLength)).Build();
        var indexes = new Int32Array.Builder();
        var labels = new Int64Array.Builder();
        var scores = new ListArray.Builder(FloatType.Default);
        var scoreValues = (FloatArray.Builder)scores.ValueBuilder;
        for (int row = 0; row < rows; row++)
        {
            indexes.Append(0);
            labels.Append(0);
            scores.Append();
            scoreValues.Append(1f).Append(0f);
        }
        var ids = new DictionaryArray(new DictionaryType(Int32Type.Default, StringType.Default, false), indexes.Build(), dictionary);
        var schema = new Schema.Builder()
            .Field(f => f.Name("sample_id").DataType(ids.Data.DataType).Nullable(false))
            .Field(f => f.Name("label").DataType(Int64Type.Default).Nullable(false))
            .Field(f => f.Name("scores").DataType(new ListType(FloatType.Default)).Nullable(false))
            .Build();
        string path = Path.GetTempFileName();
        try
        {
            using var properties = new ParquetSharp.WriterPropertiesBuilder().Compression(ParquetSharp.Compression.Zstd).Build();
            using (var writer = new ParquetSharp.Arrow.FileWriter(path, schema, properties))
                writer.WriteRecordBatch(new RecordBatch(schema, [ids, labels.Build(), scores.Build()], rows));
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_stream_that_fails_passes_its_exception_through()
    {
        // A dropped connection is transient: the ingest retries it, so it must not look like a bad file.
        var failing = new FailingStream(SmallFile.Value);
        await Assert.ThrowsAsync<IOException>(() => PredictionsReader.ReadAsync(failing, Context(), CancellationToken.None));
    }

    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => Position > 100 ? throw new IOException("connection reset") : base.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
