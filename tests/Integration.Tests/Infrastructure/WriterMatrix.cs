using System.Text.Json;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>
/// The writer matrix that tests/writers/make-writer-matrix.mjs writes at test time (./test.sh runs it into
/// test-output/writers and sets CVC_WRITER_MATRIX): two epochs of the real run in both score forms by every
/// JavaScript-side writer, with DuckDB's samples and correct predictions per split in matrix.json. The .NET
/// writers (Parquet.Net, ParquetSharp's Arrow writer) add their files here, from the data of the DuckDB file of
/// the same epoch, with that file's numbers.
/// </summary>
public sealed class WriterMatrix
{
    public const string Variable = "CVC_WRITER_MATRIX";

    /// <summary>The file DuckDB wrote with its defaults: the .NET writers copy its rows and its numbers.</summary>
    public static string DuckDbFile(int epoch) => $"duckdb-v1-list-e{epoch}.parquet";

    public required string Folder { get; init; }
    public required IReadOnlyList<Case> Cases { get; init; }

    /// <summary>One file to ingest: where it comes from, and what DuckDB says of it (or what it must be rejected for).</summary>
    public sealed record Case(string File, string Writer, string Options, string Form, int Epoch,
        IReadOnlyDictionary<string, (int Samples, int Correct)> Splits, string? Reject, DotNetWriter? WrittenBy);

    /// <summary>Why the matrix cannot be used, or null when it can (the folder and matrix.json are there).</summary>
    public static string? Problem()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(folder))
            return $"{Variable} is not set: ./test.sh generates the writer matrix (node tests/writers/make-writer-matrix.mjs tests/data/fortunes-han <out>) and sets it to that folder.";
        if (!File.Exists(Path.Combine(folder, "matrix.json")))
            return $"{Variable}={folder} holds no matrix.json: the generator (tests/writers/make-writer-matrix.mjs) did not run, or failed.";
        if (!File.Exists(Path.Combine(folder, "run.json")))
            return $"{Variable}={folder} holds no run.json.";
        return null;
    }

    static readonly Lazy<WriterMatrix> Loaded = new(Load);

    /// <summary>The matrix in CVC_WRITER_MATRIX; throws with the reason when there is none.</summary>
    public static WriterMatrix Current => Problem() is { } problem ? throw new InvalidOperationException(problem) : Loaded.Value;

    static WriterMatrix Load()
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(Variable)!);
        var root = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "matrix.json"))).RootElement;
        var cases = new List<Case>();
        foreach (var f in root.GetProperty("files").EnumerateArray())
        {
            var splits = new Dictionary<string, (int, int)>();
            if (f.TryGetProperty("splits", out var s))
                foreach (var split in s.EnumerateObject())
                    splits[split.Name] = (split.Value.GetProperty("samples").GetInt32(), split.Value.GetProperty("correct").GetInt32());
            var options = f.GetProperty("options").GetString()!;
            if (f.TryGetProperty("pages", out var pages)) options += $" [pages: {string.Join("+", pages.EnumerateArray().Select(p => p.GetString()))}]";
            cases.Add(new Case(f.GetProperty("file").GetString()!, f.GetProperty("writer").GetString()!, options, f.GetProperty("form").GetString()!,
                f.GetProperty("epoch").GetInt32(), splits, f.TryGetProperty("reject", out var r) ? r.GetString() : null, null));
        }
        foreach (var duckdb in cases.Where(c => c.File == DuckDbFile(c.Epoch)).ToList())
            foreach (var writer in DotNetWriter.All)
                cases.Add(new Case(writer.FileName(duckdb.Epoch), writer.Writer, writer.Options + $"; rows and numbers of {duckdb.File}", writer.Form,
                    duckdb.Epoch, duckdb.Splits, null, writer));
        return new WriterMatrix { Folder = folder, Cases = cases };
    }

    public Case Find(string file) => Cases.SingleOrDefault(c => c.File == file) ?? throw new InvalidOperationException($"{file} is not in {Folder}/matrix.json");

    /// <summary>The bytes of a case's file: as the generator wrote it, or written now by a .NET writer (and kept beside the others).</summary>
    public async Task<byte[]> ReadAsync(Case c)
    {
        var path = Path.Combine(Folder, c.File);
        if (c.WrittenBy is null) return await File.ReadAllBytesAsync(path);
        var rows = PredictionRows.Read(Path.Combine(Folder, DuckDbFile(c.Epoch)));
        var classes = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Folder, "run.json"))).RootElement
            .GetProperty("classes").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var bytes = await c.WrittenBy.WriteAsync(rows, classes);
        await File.WriteAllBytesAsync(path, bytes);
        return bytes;
    }
}
