using System.Diagnostics;
using System.Globalization;

namespace ClassVisCloud.RunGenerator.Cli;

/// <summary><c>generate</c>: writes a synthetic training run into a folder.</summary>
internal static class GenerateCommand
{
    private static readonly HashSet<string> Values =
    [
        "out", "samples", "classes", "epochs", "seed", "every", "attention-samples", "validation", "noisy",
        "row-group", "compression", "zstd-level", "name",
    ];

    private static readonly HashSet<string> Flags = ["attention", "logits", "wide"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new Options(args, Values, Flags);
        var folder = options.Required("out");
        var spec = ToSpec(options);
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generating {spec.Samples} samples x {spec.Classes} classes, {spec.LoggedEpochs().Count} epoch files, seed {spec.Seed}, {spec.Compression} -> {folder}"));
        var clock = Stopwatch.StartNew();
        var writer = new RunWriter(spec);
        var files = await writer.WriteFolderAsync(folder, output.WriteLine, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {files.Count} files, {files.Sum(f => f.Bytes) / 1e6:F1} MB, in {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    private static RunSpec ToSpec(Options options)
    {
        var defaults = new RunSpec();
        FileCompression compression;
        try
        {
            compression = FileCompression.Parse(options.String("compression") ?? "zstd", options.Int("zstd-level", 3));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return new RunSpec
        {
            Samples = options.Int("samples", defaults.Samples),
            Classes = options.Int("classes", defaults.Classes),
            Epochs = options.Int("epochs", defaults.Epochs),
            Every = options.Int("every", defaults.Every),
            Seed = options.Long("seed", defaults.Seed),
            Scores = options.Has("logits") ? ScoreKind.Logits : ScoreKind.Probabilities,
            Layout = options.Has("wide") ? ScoreLayout.Wide : ScoreLayout.List,
            Attention = options.Has("attention"),
            AttentionSamples = options.Int("attention-samples", defaults.AttentionSamples),
            ValidationFraction = options.Double("validation", defaults.ValidationFraction),
            NoisyFraction = options.Double("noisy", defaults.NoisyFraction),
            RowGroupSize = options.Int("row-group", defaults.RowGroupSize),
            Compression = compression,
            Name = options.String("name"),
        };
    }
}
