using ClassVisCloud.RunGenerator.Simulation;
using Parquet;

namespace ClassVisCloud.RunGenerator.Files;

/// <summary>Writes one epoch's predictions file, streaming row groups of <see cref="RunSpec.RowGroupSize"/> rows.</summary>
public sealed class PredictionsFileWriter
{
    /// <summary>Caps a row group's scores (and so the writer's memory) for runs with very many classes.</summary>
    public const int MaxScoresPerRowGroup = 10_000_000;

    private readonly SyntheticRun _run;
    private readonly ScoreModel _model;
    private readonly PredictionsSchema _schema;
    private readonly int _rowGroupSize;
    private readonly Lazy<ListLevels> _levels;

    public PredictionsFileWriter(SyntheticRun run)
    {
        _run = run;
        _model = new ScoreModel(run);
        _schema = new PredictionsSchema(run.ClassNames, run.Spec.Layout);
        _rowGroupSize = Math.Min(Math.Min(run.Spec.RowGroupSize, run.SampleCount), Math.Max(1, MaxScoresPerRowGroup / run.Spec.Classes));
        _levels = new(() => new ListLevels(_rowGroupSize, _model.ClassCount, _schema.ScoresElement.MaxDefinitionLevel));
    }

    public async Task WriteAsync(Stream output, int epoch, CancellationToken cancellationToken = default)
    {
        await using var writer = await ParquetWriter.CreateAsync(
            _schema.Schema, output, _run.Spec.Compression.ToParquetOptions(), cancellationToken: cancellationToken);
        var block = new PredictionBlock(_run, _model, _rowGroupSize);
        for (var first = 0; first < _run.SampleCount; first += _rowGroupSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            block.Fill(first, Math.Min(_rowGroupSize, _run.SampleCount - first), epoch);
            await WriteRowGroupAsync(writer, block, cancellationToken);
        }
    }

    private async Task WriteRowGroupAsync(ParquetWriter writer, PredictionBlock block, CancellationToken cancellationToken)
    {
        var count = block.Count;
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(_schema.SampleId, new ArraySegment<string>(block.SampleIds, 0, count));
        await group.WriteAsync(_schema.Split, new ArraySegment<string>(block.Splits, 0, count));
        await group.WriteAsync<int>(_schema.Label, block.Labels.AsMemory(0, count), cancellationToken: cancellationToken);
        var classes = _model.ClassCount;
        if (_schema.ScoresList is not null)
        {
            var values = count * classes;
            await group.WriteAllPartsAsync<float>(_schema.ScoresElement, block.Scores.AsMemory(0, values),
                _levels.Value.Definition.AsMemory(0, values), _levels.Value.Repetition.AsMemory(0, values), cancellationToken);
        }
        else
        {
            var column = new float[count];
            for (var k = 0; k < classes; k++)
            {
                for (var row = 0; row < count; row++)
                    column[row] = block.Scores[row * classes + k];
                await group.WriteAsync<float>(_schema.ScoreColumns[k], column.AsMemory(), cancellationToken: cancellationToken);
            }
        }
        await group.WriteAsync<int>(_schema.Epoch, block.Epochs.AsMemory(0, count), cancellationToken: cancellationToken);
        group.CompleteValidate();
    }

    /// <summary>
    /// Parquet levels of a list column whose rows all hold C present values: repetition 0 opens a row, 1 continues
    /// it; every value is defined. The same for every row group, so built once.
    /// </summary>
    private sealed class ListLevels
    {
        public ListLevels(int rows, int classes, int maxDefinition)
        {
            Repetition = new int[rows * classes];
            Definition = new int[rows * classes];
            Array.Fill(Definition, maxDefinition);
            for (var i = 0; i < Repetition.Length; i++)
                Repetition[i] = i % classes == 0 ? 0 : 1;
        }

        public int[] Repetition { get; }
        public int[] Definition { get; }
    }
}
