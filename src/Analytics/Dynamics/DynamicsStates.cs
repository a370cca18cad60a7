using System.Collections.Concurrent;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// The state of a split at an epoch, computed once per history and reused: from memory when this instance has it,
/// else from the newest state of a prefix of the chain (in memory or persisted), folding only the epochs after it.
/// A dashboard following a run thus costs one epoch's columns per new epoch, and a cold instance one blob read.
/// Every <see cref="CheckpointEvery"/>-th epoch of a long fold is persisted on the way, so asking for an older
/// epoch later folds at most that many epochs.
/// </summary>
public sealed class DynamicsStates(ImmutableCache cache, EpochInputsReader inputs, DynamicsCheckpoints checkpoints, ILogger<DynamicsStates> logger)
{
    public const int CheckpointEvery = 16;

    readonly ConcurrentDictionary<Task, bool> persisting = new();

    public Task<DynamicsState> AtAsync(RunView run, string split, long epoch, CancellationToken cancellationToken = default)
    {
        var chain = DynamicsChain.Of(run, epoch, split);
        if (chain.Count == 0 || chain[^1].Epoch.Epoch != epoch)
            throw new InvalidOperationException($"Epoch {epoch} of run {run.Run} has no complete split '{split}'.");
        return cache.GetOrLoadAsync(Key(run.Run, chain[^1]), async () =>
        {
            var state = await BuildAsync(run.Run, split, chain, cancellationToken);
            return (state, state.SizeInBytes);
        });
    }

    /// <summary>Waits for the states being persisted in the background (tests and benchmarks).</summary>
    public Task FlushAsync() => Task.WhenAll(persisting.Keys);

    static string Key(string run, DynamicsLink link) => $"dynamics|{run}|{link.Hash}";

    async Task<DynamicsState> BuildAsync(string run, string split, IReadOnlyList<DynamicsLink> chain, CancellationToken cancellationToken)
    {
        var (next, state) = await NewestKnownAsync(run, split, chain, cancellationToken);
        if (next == chain.Count) return state;
        var reading = inputs.ReadAsync(run, chain[next], state, cancellationToken);
        for (var i = next; i < chain.Count; i++)
        {
            var epoch = await reading;
            // Read the next epoch's columns while this one is folded in.
            if (i + 1 < chain.Count) reading = inputs.ReadAsync(run, chain[i + 1], state, cancellationToken);
            state = DynamicsFold.Add(state, epoch);
            if ((i + 1) % CheckpointEvery == 0 && i + 1 < chain.Count) await checkpoints.WriteAsync(run, split, chain[i], state, cancellationToken);
        }
        logger.LogInformation("Dynamics of {Run}/{Split} at epoch {Epoch}: folded {Folded} of {Epochs} epochs over {Samples} samples",
            run, split, chain[^1].Epoch.Epoch, chain.Count - next, chain.Count, state.Count);
        PersistInBackground(run, split, chain, state);
        return state;
    }

    /// <summary>The newest state along the chain this instance holds or storage has: (index of the first epoch still to fold, state).</summary>
    async Task<(int Next, DynamicsState State)> NewestKnownAsync(string run, string split, IReadOnlyList<DynamicsLink> chain, CancellationToken cancellationToken)
    {
        var persisted = await checkpoints.ListAsync(run, split, cancellationToken);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (cache.TryGet<DynamicsState>(Key(run, chain[i]), out var held)) return (i + 1, held);
            if (DynamicsCheckpoints.IsListed(persisted, run, split, chain[i]) && await checkpoints.ReadAsync(run, split, chain[i], cancellationToken) is { } stored)
                return (i + 1, stored);
        }
        return (0, DynamicsState.Empty);
    }

    /// <summary>The answer does not wait for the write: a lost write only means computing it again.</summary>
    void PersistInBackground(string run, string split, IReadOnlyList<DynamicsLink> chain, DynamicsState state)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await checkpoints.WriteAsync(run, split, chain[^1], state);
                await checkpoints.DeleteStaleAsync(run, split, chain);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Dynamics state of {Run}/{Split} at epoch {Epoch} was not persisted", run, split, chain[^1].Epoch.Epoch);
            }
        });
        persisting.TryAdd(task, true);
        task.ContinueWith(t => persisting.TryRemove(t, out _), TaskScheduler.Default);
    }
}
