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
    public async Task AnEmptyStream_IsNotAParquetFile()
    {
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(), Context(), CancellationToken.None), "not a Parquet file");
    }

    [Fact]
    public async Task ACsvFile_IsNotAParquetFile()
    {
        var csv = "sample_id,label,scores\na,0,\"[1,0]\"\n"u8.ToArray();
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(csv), Context(), CancellationToken.None), "not a Parquet file");
    }

    [Fact]
    public async Task GarbageBetweenTheMagicBytes_CannotBeDecoded()
    {
        byte[] garbage = [.. "PAR1"u8, .. Enumerable.Repeat((byte)0xAB, 100), 50, 0, 0, 0, .. "PAR1"u8];
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(garbage), Context(), CancellationToken.None),
            "cannot decode the Parquet file");
    }

    [Fact]
    public async Task AFooterLengthBeyondTheFile_CannotBeDecoded()
    {
        var bytes = SmallFile.Value.ToArray();
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, bytes.Length - 8);
        await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(new MemoryStream(bytes), Context(), CancellationToken.None),
            "cannot decode the Parquet file: the footer length");
    }

    [Fact]
    public async Task EveryTruncation_IsRejected()
    {
        var bytes = SmallFile.Value;
        for (int length = 0; length < bytes.Length; length += 7)
        {
            var exception = await ReadPredictionsAsync(bytes[..length]);
            Assert.IsType<ContractViolationException>(exception);
        }
    }

    [Fact]
    public async Task RandomCorruption_EndsInAContractViolation()
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
    public async Task RandomCorruption_OfTheRealRunsFiles_EndsInAContractViolation()
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
    public async Task AStreamThatFails_PassesItsExceptionThrough()
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
