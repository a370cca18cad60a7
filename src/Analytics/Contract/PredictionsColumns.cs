using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>A wide-form score column and the class it holds.</summary>
internal sealed record WideScoreColumn(string ClassName, FileColumn Column);

/// <summary>
/// The columns of a predictions file the contract reads, found by name and checked for type. Scores are either
/// one list column or, when there is none, one <c>score_&lt;class&gt;</c> column per class.
/// </summary>
internal sealed record PredictionsColumns(
    FileColumn SampleId,
    FileColumn Label,
    FileColumn? Split,
    FileColumn? Epoch,
    FileColumn? Scores,
    IReadOnlyList<WideScoreColumn> WideScores)
{
    public const string WidePrefix = "score_";

    public static PredictionsColumns Locate(IReadOnlyList<FileColumn> columns, RunManifest? manifest)
    {
        var lookup = new ColumnLookup(columns);
        var sampleId = lookup.Required("sample_id", "a string or an integer", ValueKind.String, ValueKind.Integer);
        var label = lookup.Required("label", "an integer or a string", ValueKind.Integer, ValueKind.String);
        var split = lookup.Optional("split", "a string", ValueKind.String);
        var epoch = lookup.Optional("epoch", "an integer", ValueKind.Integer);

        if (lookup.TryGet("scores", out var scores))
        {
            if (scores.Shape != ColumnShape.List || scores.Kind != ValueKind.Float)
                throw new ContractViolationException($"column 'scores' has type {scores.TypeName}; expected a list of float or double");
            return new PredictionsColumns(sampleId, label, split, epoch, scores, []);
        }
        return new PredictionsColumns(sampleId, label, split, epoch, null, LocateWide(lookup, manifest));
    }

    private static IReadOnlyList<WideScoreColumn> LocateWide(ColumnLookup lookup, RunManifest? manifest)
    {
        var wide = lookup.Columns
            .Where(c => c.Name.StartsWith(WidePrefix, StringComparison.Ordinal) && c.Name.Length > WidePrefix.Length)
            .DistinctBy(c => c.Name)
            .ToList();
        if (wide.Count == 0)
            throw new ContractViolationException("missing required column 'scores' (or one 'score_<class>' column per class)");
        foreach (var column in wide)
        {
            ColumnLookup.CheckFlat(column, "float or double", ValueKind.Float);
            if (column.Name.Length - WidePrefix.Length > ContractLimits.MaxClassNameLength)
                throw new ContractViolationException(
                    $"column '{RowNames.Quote(column.Name)}' names a class of {column.Name.Length - WidePrefix.Length} characters; a class name has at most {ContractLimits.MaxClassNameLength}");
        }
        if (wide.Count > ContractLimits.MaxClasses)
            throw new ContractViolationException($"the file has {wide.Count} score columns, more than the {ContractLimits.MaxClasses} classes supported");

        if (manifest?.Classes is not { } classes)
            return wide.Select(c => new WideScoreColumn(c.Name[WidePrefix.Length..], c)).ToList();

        // With a manifest, its order is the class order and every class needs its column.
        var ordered = new List<WideScoreColumn>(classes.Count);
        foreach (string className in classes)
        {
            if (!lookup.TryGet(WidePrefix + className, out var column))
                throw new ContractViolationException($"missing column '{WidePrefix}{className}' for class '{className}' of run.json");
            ordered.Add(new WideScoreColumn(className, column));
        }
        if (wide.Count != classes.Count)
        {
            var extra = wide.First(c => !classes.Contains(c.Name[WidePrefix.Length..]));
            throw new ContractViolationException(
                $"the file has {wide.Count} score columns but run.json has {classes.Count} classes ('{extra.Name}' names none of them)");
        }
        return ordered;
    }
}
