using System.Globalization;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>The class index of every file row, and the class names the file implies.</summary>
internal sealed record ResolvedLabels(int[] LabelOfRow, IReadOnlyList<string>? ClassNames);

/// <summary>
/// Turns the label column into class indexes. Integer labels must lie in 0..C-1. String labels are looked up
/// in the class names: the manifest's, else the wide form's columns, else those the run already uses (when
/// the file's labels are among them), else the file's distinct labels sorted ordinal (as scikit-learn's
/// LabelEncoder does), which must then number exactly C.
/// </summary>
internal static class LabelResolver
{
    public static ResolvedLabels Resolve(RowKeys keys, int classCount, ReadContext context, IReadOnlyList<string>? wideClassNames)
    {
        var names = keys.Names;
        IReadOnlyList<string>? declared = context.Manifest?.Classes ?? wideClassNames;
        if (keys.IntegerLabels is { } integers)
            return new ResolvedLabels(IntegerLabels(integers, classCount, names), declared);

        var strings = keys.StringLabels!;
        for (int row = 0; row < strings.Length; row++)
        {
            if (strings[row].Length > ContractLimits.MaxClassNameLength)
                throw new ContractViolationException(
                    $"column 'label' is '{RowNames.Quote(strings[row])}' at {names[row]}; a class name has at most {ContractLimits.MaxClassNameLength} characters");
        }
        string source = context.Manifest?.Classes is not null ? "a class of run.json" : "one of the score_<class> columns";
        var classes = declared ?? FromLabels(strings, classCount, context.KnownLabelNames);
        var indexOf = new Dictionary<string, int>(classes.Count, StringComparer.Ordinal);
        for (int i = 0; i < classes.Count; i++) indexOf.TryAdd(classes[i], i);

        var labels = new int[strings.Length];
        for (int row = 0; row < strings.Length; row++)
        {
            if (!indexOf.TryGetValue(strings[row], out labels[row]))
                throw new ContractViolationException($"column 'label' is '{RowNames.Quote(strings[row])}' at {names[row]}, which is not {source}");
        }
        return new ResolvedLabels(labels, classes);
    }

    private static int[] IntegerLabels(long[] values, int classCount, RowNames names)
    {
        var labels = new int[values.Length];
        for (int row = 0; row < values.Length; row++)
        {
            long value = values[row];
            if (value < 0 || value >= classCount)
                throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture,
                    $"column 'label' is {value} at {names[row]}; class indexes run from 0 to {classCount - 1}"));
            labels[row] = (int)value;
        }
        return labels;
    }

    private static IReadOnlyList<string> FromLabels(string[] labels, int classCount, IReadOnlyList<string>? known)
    {
        var distinct = new HashSet<string>(labels, StringComparer.Ordinal);
        if (known is not null && known.Count == classCount && distinct.IsSubsetOf(known))
            return known;
        if (distinct.Count != classCount)
            throw new ContractViolationException(
                $"column 'label' names {distinct.Count} distinct classes but the scores have {classCount}; "
                + $"upload a run.json manifest listing the {classCount} classes in score order");
        return [.. distinct.Order(StringComparer.Ordinal)];
    }
}
