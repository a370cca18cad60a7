using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// Reads what a logged epoch adds to the statistics from its stored columns: labels, predicted classes, p(label) and
/// the margin (and, for logit files, the predicted class's probability). Never the C-wide probability matrix.
/// Read uncached: once folded into a state, an epoch's columns are not needed again.
/// </summary>
public sealed class EpochInputsReader(EpochColumnsReader columns, SampleSets sampleSets)
{
    /// <summary>The ids come from <paramref name="seen"/> when it covers exactly the epoch's samples (the usual case), else from storage.</summary>
    public async Task<EpochInputs> ReadAsync(string run, DynamicsLink link, DynamicsState seen, CancellationToken cancellationToken = default)
    {
        var epoch = link.Epoch;
        var logits = epoch.ScoreKind == nameof(ScoreKind.Logits).ToLowerInvariant();
        Task<byte[]> Read(string column) => columns.BytesAsync(epoch, link.SplitIndex, column, cancellationToken);
        var ids = seen.IdsHash == link.Summary.SetHash ? Task.FromResult(seen.Ids) : sampleSets.GetAsync(run, link.Summary.SetHash, cancellationToken);
        var labels = Read(Columns.Labels);
        var predicted = Read(Columns.Predicted);
        var labelProbability = Read(Columns.LabelProbability);
        var margin = Read(Columns.Margin);
        var score = logits ? Read(Columns.Score) : null;
        var plabel = ColumnCodec.DecodeFloats(await labelProbability);
        var margins = ColumnCodec.DecodeFloats(await margin);
        var scores = score is null ? null : ColumnCodec.DecodeFloats(await score);
        var probabilityMargin = new float[plabel.Length];
        for (var i = 0; i < plabel.Length; i++)
            probabilityMargin[i] = DynamicsDefinitions.ProbabilityMargin(plabel[i], margins[i], scores?[i] ?? 0, logits, epoch.ClassCount);
        return new EpochInputs
        {
            Epoch = epoch.Epoch, SampleIds = await ids, SetHash = link.Summary.SetHash,
            Labels = ColumnCodec.DecodeClasses(await labels), Predicted = ColumnCodec.DecodeClasses(await predicted),
            LabelProbability = plabel, Margin = margins, ProbabilityMargin = probabilityMargin,
        };
    }
}
