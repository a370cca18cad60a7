using System.Globalization;
using System.Text;
using ClassVisCloud.Analytics.Api.Export;
using ClassVisCloud.Analytics.Queries.Exports;

namespace ClassVisCloud.Analytics.Tests.Api.Export;

public sealed class CsvFileTests
{
    static async Task<string> WriteAsync(params ClassEpochRow[] rows)
    {
        var output = new MemoryStream();
        await CsvFile.WriteAsync<ClassEpochRow, ClassEpochColumns>(output, rows.ToAsyncEnumerable());
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task A_file_is_a_header_and_one_CRLF_line_per_row_without_a_byte_order_mark()
    {
        var text = await WriteAsync(new ClassEpochRow("run-1", 3, "validation", 0, "alt.atheism", 10, 9, 8, 0.75));
        Assert.Equal("run,epoch,split,class_index,class_name,labelled,predicted,correct,mean_score\r\nrun-1,3,validation,0,alt.atheism,10,9,8,0.75\r\n", text);
    }

    [Fact]
    public async Task No_rows_give_a_header_only_file()
    {
        Assert.Equal("run,epoch,split,class_index,class_name,labelled,predicted,correct,mean_score\r\n", await WriteAsync());
    }

    [Fact]
    public async Task Text_with_commas_quotes_and_line_breaks_is_quoted_as_RFC_4180_says()
    {
        var text = await WriteAsync(new ClassEpochRow("r", 1, "s", 0, "a,\"b\"\r\nc;d", 0, 0, 0, 0));
        Assert.Contains(",\"a,\"\"b\"\"\r\nc;d\",", text);
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(1e-300)]
    [InlineData(-0.000123456789012345)]
    [InlineData(2.0 / 3)]
    [InlineData(123456789.125)]
    public async Task Doubles_are_written_in_the_invariant_culture_and_read_back_to_the_same_bits(double value)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = await WriteAsync(new ClassEpochRow("r", 1, "s", 0, "c", 0, 0, 0, value));
            var cell = text.Split("\r\n")[1].Split(',')[^1];
            Assert.DoesNotContain(" ", cell);
            Assert.Equal(value, double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        finally { CultureInfo.CurrentCulture = previous; }
    }

    [Theory]
    [InlineData(0.1f)]
    [InlineData(-1.5e-7f)]
    [InlineData(0.33333334f)]
    public async Task Floats_are_written_with_the_floats_own_digits(float value)
    {
        var output = new MemoryStream();
        await CsvFile.WriteAsync<SuspectRow, SuspectColumns>(output, new[] { new SuspectRow("r", 1, "s", 1, "id", "a", "b", value, value, 0) }.ToAsyncEnumerable());
        var cells = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n")[1].Split(',');
        Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), cells[7]);
        Assert.Equal(value, float.Parse(cells[7], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_negative_number_stays_a_number_while_a_text_that_looks_like_one_is_neutralised()
    {
        var output = new MemoryStream();
        await CsvFile.WriteAsync<SuspectRow, SuspectColumns>(output, new[] { new SuspectRow("r", 1, "s", 1, "-2", "+1", "@x", -0.5f, 0.25f, 3) }.ToAsyncEnumerable());
        Assert.EndsWith("\r\nr,1,s,1,'-2,'+1,'@x,-0.5,0.25,3\r\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>
    /// The class × epoch facts of a run of 1,000 epochs × 1,000 classes (1,000,000 rows, about 70 MB) go through the
    /// writer while the live heap is measured after every 8 MiB written: it grows by a few MiB at most (the writer's
    /// slice and buffers, CsvHelper's compiled maps, other tests running at the same time), not by the file's 80 MB.
    /// </summary>
    [Fact]
    public async Task A_file_of_1000_epochs_by_1000_classes_is_written_without_holding_it()
    {
        var sink = new MeasuringSink(8 * 1024 * 1024);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        await CsvFile.WriteAsync<ClassEpochRow, ClassEpochColumns>(sink, Rows(1000, 1000));
        Assert.True(sink.Length > 60_000_000, $"the file is {sink.Length:N0} bytes");
        Assert.True(sink.LargestWrite <= CsvFile.SliceBytes * 2, $"a write of {sink.LargestWrite:N0} bytes");
        var growth = sink.PeakLiveBytes - baseline;
        Assert.True(growth < 16 * 1024 * 1024, $"the live heap grew by {growth:N0} bytes while {sink.Length:N0} were written");
    }

    static async IAsyncEnumerable<ClassEpochRow> Rows(int epochs, int classes)
    {
        for (var e = 0; e < epochs; e++)
        {
            if (e % 100 == 0) await Task.Yield();
            for (var c = 0; c < classes; c++)
                yield return new ClassEpochRow("a-run-of-a-thousand", e, "validation", c, "class-" + c, 100 + c, 90 + c, 80 + c, 1.0 / (c + 3));
        }
    }

    /// <summary>Counts what is written and measures the live heap (after a full collection) every <c>interval</c> bytes.</summary>
    sealed class MeasuringSink(long interval) : Stream
    {
        long next;
        public long PeakLiveBytes { get; private set; }
        public long LargestWrite { get; private set; }
        public override long Length => Position;
        public override long Position { get; set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Position += buffer.Length;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            if (Position < next) return;
            next = Position + interval;
            PeakLiveBytes = Math.Max(PeakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
