using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Dynamics;

/// <summary>Sparse epochs of the real run arriving out of order: each answer is exact for the epochs there at the time.</summary>
public sealed class OutOfOrderRealRunTests : IAsyncLifetime
{
    TestStorage storage = null!;

    public async Task InitializeAsync() => storage = await TestStorage.CreateAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    Task<FunctionAnswer> Dynamics(string epoch) =>
        FunctionCall.GetAsync("split=validation", r => storage.Function<GetEpochDynamics>().Run(r, RealRun.Name, epoch, default));

    [Fact]
    public async Task Late_epochs_change_the_answers_after_them_to_exactly_what_the_full_history_gives()
    {
        await storage.UploadRealRunAsync(RealRun.Name, ["run.json", "epoch-8.parquet", "epoch-2.parquet", "epoch-13.parquet"]);
        DynamicsOracle.AssertMatches("sparseBefore", (await Dynamics("13")).Json);

        await storage.UploadRealRunAsync(RealRun.Name, ["epoch-5.parquet", "epoch-3.parquet"]);
        DynamicsOracle.AssertMatches("sparseAfter", (await Dynamics("13")).Json);

        // The state over 2, 8, 13 is garbage now; the one over 2, 3, 5, 8, 13 is what is kept.
        await storage.Get<DynamicsStates>().FlushAsync();
        var kept = await storage.Get<DynamicsCheckpoints>().ListAsync(RealRun.Name, "validation");
        Assert.Single(kept, name => !name.EndsWith(".suspects", StringComparison.Ordinal));
    }
}
