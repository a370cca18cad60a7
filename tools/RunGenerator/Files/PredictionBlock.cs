using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator.Files;

/// <summary>
/// The columns of one row group, generated in parallel. Buffers are allocated once for the largest row group
/// and reused, so memory stays bounded (about 4·C bytes per row, plus levels in the list form) whatever the run size.
/// </summary>
internal sealed class PredictionBlock
{
    private const int RowsPerTask = 2048;

    private readonly SyntheticRun _run;
    private readonly ScoreModel _model;

    public PredictionBlock(SyntheticRun run, ScoreModel model, int capacity)
    {
        _run = run;
        _model = model;
        SampleIds = new string[capacity];
        Splits = new string[capacity];
        Labels = new int[capacity];
        Epochs = new int[capacity];
        Scores = new float[(long)capacity * model.ClassCount];
    }

    public int Count { get; private set; }
    public string[] SampleIds { get; }
    public string[] Splits { get; }
    public int[] Labels { get; }
    public int[] Epochs { get; }

    /// <summary>Count × C scores, row-major.</summary>
    public float[] Scores { get; }

    public void Fill(int firstSample, int count, int epoch)
    {
        Count = count;
        var classes = _model.ClassCount;
        var logits = _run.Spec.Scores == ScoreKind.Logits;
        var tasks = (count + RowsPerTask - 1) / RowsPerTask;
        // Each row draws from its own keyed random stream, so parallel filling gives the same bytes as serial.
        Parallel.For(0, tasks, task =>
        {
            var end = Math.Min(count, (task + 1) * RowsPerTask);
            for (var row = task * RowsPerTask; row < end; row++)
            {
                var sample = firstSample + row;
                SampleIds[row] = _run.SampleId(sample);
                Splits[row] = _run.Split(sample);
                Labels[row] = _run.Label(sample);
                Epochs[row] = epoch;
                var scores = Scores.AsSpan(row * classes, classes);
                if (logits)
                    _model.Logits(sample, epoch, scores);
                else
                    _model.Probabilities(sample, epoch, scores);
            }
        });
    }
}
