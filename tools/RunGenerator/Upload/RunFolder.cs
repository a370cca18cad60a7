using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassVisCloud.RunGenerator.Upload;

/// <summary>
/// Finds the contract's files in a run folder, in the order a training script produces them:
/// run.json first, then each epoch's predictions followed by its attention, epochs ascending by number
/// (epoch-2 before epoch-10). Other files are left out.
/// </summary>
public static partial class RunFolder
{
    public static IReadOnlyList<RunFile> List(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"run folder '{folder}' does not exist");

        var files = new List<RunFile>();
        var manifest = Path.Combine(folder, "run.json");
        if (File.Exists(manifest))
            files.Add(new RunFile(manifest, "run.json", RunFileKind.Manifest, null));
        files.AddRange(EpochFiles(folder, "", RunFileKind.Predictions));
        var attention = Path.Combine(folder, "attention");
        if (Directory.Exists(attention))
            files.AddRange(EpochFiles(attention, "attention/", RunFileKind.Attention));

        return files
            .OrderBy(f => f.Epoch ?? -1)
            .ThenBy(f => f.Kind)
            .ThenBy(f => f.RelativeName, StringComparer.Ordinal)
            .ToArray();
    }

    private static IEnumerable<RunFile> EpochFiles(string directory, string prefix, RunFileKind kind) =>
        from path in Directory.EnumerateFiles(directory)
        let name = Path.GetFileName(path)
        let match = EpochFileName().Match(name)
        where match.Success
        select new RunFile(path, prefix + name, kind, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

    // Up to 18 digits: any epoch number a long holds, with or without zero padding.
    [GeneratedRegex(@"^epoch-0*(\d{1,18})\.parquet$")]
    private static partial Regex EpochFileName();
}
