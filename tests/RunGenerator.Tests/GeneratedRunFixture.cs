namespace ClassVisCloud.RunGenerator.Tests;

/// <summary>
/// One realistic run, generated once and read back for the tests that check what it shows:
/// 6,000 samples, 8 classes, 12 epochs, attention on.
/// </summary>
public sealed class GeneratedRunFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public RunWriter Writer { get; } = new(new RunSpec { Samples = 6000, Classes = 8, Epochs = 12, Seed = 7, Attention = true });

    public string Folder => _folder.Path;

    internal IReadOnlyDictionary<int, PredictionsFile> Epochs { get; private set; } = new Dictionary<int, PredictionsFile>();

    public async Task InitializeAsync()
    {
        await Writer.WriteFolderAsync(Folder);
        var epochs = new Dictionary<int, PredictionsFile>();
        foreach (var epoch in Writer.Spec.LoggedEpochs())
            epochs[epoch] = await PredictionsFile.ReadAsync(Path.Combine(Folder, RunWriter.EpochFileName(epoch)));
        Epochs = epochs;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Accuracy of one split of one epoch, as the API defines it (argmax, ties to the lowest index).</summary>
    internal double Accuracy(int epoch, string split)
    {
        var file = Epochs[epoch];
        var rows = Enumerable.Range(0, file.Count).Where(i => file.Splits[i] == split).ToArray();
        return rows.Count(i => file.Predicted(i) == file.Labels[i]) / (double)rows.Length;
    }
}
