using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// Decodes and validates one predictions file (<c>{run}/epoch-{N}.parquet</c>) against the run-output
/// contract, through Apache Arrow's Parquet reader. Reads in two passes: first the row keys (sample_id, label,
/// split, epoch), which fix every row's canonical place, then the scores, written straight there; only the
/// contract's columns are decoded. Every rejection is a
/// <see cref="ContractViolationException"/> whose message is the reason shown to the user.
/// </summary>
public static class PredictionsReader
{
    public static Task<EpochPredictions> ReadAsync(Stream parquet, ReadContext context, CancellationToken cancellationToken = default) =>
        DecodeGuard.FileAsync(parquet, ContractLimits.MaxRows, async file =>
        {
            var columns = PredictionsColumns.Locate(file.Columns, context.Manifest);
            int rowCount = ContractLimits.RowCount(file.Rows);

            var keys = await RowKeysReader.ReadAsync(file, columns, context.Epoch, rowCount, cancellationToken);
            var layout = SplitLayout.Build(keys);
            var names = keys.Names;
            var idsBySplit = layout.Names.Select((split, s) => new SplitIds(split, [.. layout.RowsBySplit[s].Select(r => keys.SampleIds[r])])).ToArray();
            context.IdsRead?.Invoke(idsBySplit);
            var classCheck = new ClassCountCheck(context);
            var shape = new ScoreShape();
            var matrix = columns.Scores is { } list
                ? await ListScoresReader.ReadAsync(file, list, layout, names, classCheck, shape, context.Watch, cancellationToken)
                : await WideScoresReader.ReadAsync(file, columns.WideScores, layout, names, classCheck, shape, context.Watch, cancellationToken);

            var wideNames = columns.Scores is null ? columns.WideScores.Select(c => c.ClassName).ToList() : null;
            var labels = LabelResolver.Resolve(keys, matrix.ClassCount, context, wideNames);
            var labelsBySplit = layout.RowsBySplit.Select(rows => rows.Select(r => labels.LabelOfRow[r]).ToArray()).ToArray();
            var (kind, margins) = ScoreNormalizer.Normalize(matrix, labelsBySplit, shape, context.Manifest?.DeclaredScores, names);

            var splits = new SplitPredictions[layout.Names.Length];
            for (int s = 0; s < splits.Length; s++)
            {
                splits[s] = new SplitPredictions
                {
                    Name = layout.Names[s],
                    SampleIds = idsBySplit[s].SampleIds,
                    Labels = labelsBySplit[s],
                    Probabilities = matrix.BySplit[s],
                    LogitMargins = margins?[s],
                };
            }
            return new EpochPredictions
            {
                Splits = splits,
                ClassCount = matrix.ClassCount,
                ScoreKind = kind,
                IntegerIds = keys.IntegerIds,
                ClassNames = labels.ClassNames,
            };
        }, cancellationToken);
}
