using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Ships an epoch's probability matrices while the file is still being read: each split's matrix is staged in
/// blocks as its rows are stored (a file whose ids are already in order finishes blocks as it goes), and committed
/// by <see cref="EpochWriter"/> only once the whole file is valid. A matrix of one block is left to one request at the end.
/// </summary>
internal sealed class MatrixStaging(MatrixStore store, string run, long epoch, string version)
{
    private MatrixUpload?[] uploads = [];

    /// <summary>What the reader tells as it fills the matrix.</summary>
    public ScoreMatrixWatch Watch => new(
        (bySplit, classes) => uploads = [.. bySplit.Select((values, split) => store.BeginUpload(MatrixStore.Path(run, epoch, version, split), values, classes))],
        (split, position) => uploads[split]?.RowStored(position));

    /// <summary>The staged upload of a split's matrix, or null when it is sent whole.</summary>
    public MatrixUpload? Of(int split) => split < uploads.Length ? uploads[split] : null;

    /// <summary>Logits were turned into probabilities in place after the read: what was staged is stale.</summary>
    public Task RestageAsync() => Task.WhenAll(uploads.OfType<MatrixUpload>().Select(u => u.RestageAllAsync()));

    /// <summary>The file was rejected (or the ingest failed): nothing staged is committed, nothing is left in flight.</summary>
    public Task AbandonAsync() => Task.WhenAll(uploads.OfType<MatrixUpload>().Select(u => u.AbandonAsync()));
}
