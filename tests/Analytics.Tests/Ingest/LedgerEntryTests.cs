using Azure.Data.Tables;
using ClassVisCloud.Analytics.Ingest;

namespace ClassVisCloud.Analytics.Tests.Ingest;

public sealed class LedgerEntryTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    static LedgerEntry Entry(IngestState state, DateTimeOffset? leaseUntil = null, string? conflictWith = null) =>
        new("r/epoch-1.parquet", "\"0x1\"", state, leaseUntil, "owner", conflictWith, 1, 0, null, 0, 0);

    static TableEntity Stored(params (string Name, object Value)[] fields)
    {
        var entity = new TableEntity("pk", "rk") { ["Blob"] = "r/epoch-1.parquet", ["ETag"] = "\"0x1\"" };
        foreach (var (name, value) in fields) entity[name] = value;
        return entity;
    }

    static readonly Func<string, bool> NothingListed = _ => false;

    [Theory]
    [InlineData("processing", false, "", IngestState.Processing)]
    [InlineData("ingested", false, "", IngestState.Ingested)]
    [InlineData("ignored", false, "", IngestState.Ignored)]
    [InlineData("rejected", false, "", IngestState.Rejected)]
    [InlineData("rejected", false, "r/epoch-01.parquet", IngestState.Conflict)]
    [InlineData("retrying", false, "", IngestState.Retrying)]
    [InlineData("retrying", true, "", IngestState.Waiting)]
    public void Rows_stored_today_read_as_the_state_they_meant(string outcome, bool waiting, string conflict, IngestState expected)
    {
        var entry = LedgerEntry.FromEntity(Stored(("Outcome", outcome), ("Waiting", waiting), ("Conflict", conflict)), Lease);
        Assert.Equal(expected, entry.State);
        Assert.Equal(conflict.Length == 0 ? null : conflict, entry.ConflictWith);
    }

    [Fact]
    public void A_row_with_only_a_conflict_noted_is_due_as_a_retry()
    {
        var entry = LedgerEntry.FromEntity(Stored(("Conflict", "r/epoch-01.parquet")), Lease);
        Assert.Equal(IngestState.Retrying, entry.State);
        Assert.Equal(SweepAction.Ingest, entry.Sweep(Now, NothingListed));
    }

    [Fact]
    public void A_row_claimed_before_leases_existed_holds_one_lease_from_its_claim()
    {
        var entry = LedgerEntry.FromEntity(Stored(("Outcome", "processing"), ("ClaimedAt", Now)), Lease);
        Assert.Equal(Now + Lease, entry.LeaseUntil);
        Assert.True(entry.IsHeld(Now + Lease - TimeSpan.FromSeconds(1)));
        Assert.False(entry.IsHeld(Now + Lease));
    }

    [Fact]
    public void Each_state_goes_out_as_one_of_the_four_public_outcomes_and_reads_back()
    {
        Assert.Equal("retrying", IngestState.Waiting.Outcome());
        Assert.Equal("rejected", IngestState.Conflict.Outcome());
        foreach (var state in Enum.GetValues<IngestState>())
        {
            Assert.Contains(state.Outcome(), new[] { "ingested", "rejected", "ignored", "retrying", "processing" });
            Assert.Equal(state, IngestStates.FromStored(state.Outcome(), state == IngestState.Waiting, state == IngestState.Conflict));
        }
    }

    [Fact]
    public void The_final_states_are_ingested_rejected_conflict_and_ignored()
    {
        Assert.Equal([IngestState.Ingested, IngestState.Rejected, IngestState.Conflict, IngestState.Ignored],
            Enum.GetValues<IngestState>().Where(s => s.IsFinal()));
    }

    [Fact]
    public void The_sweep_ingests_what_it_never_saw_retries_and_lapsed_leases()
    {
        Assert.Equal(SweepAction.Ingest, LedgerEntry.Sweep(null, Now, NothingListed));
        Assert.Equal(SweepAction.Ingest, Entry(IngestState.Retrying).Sweep(Now, NothingListed));
        Assert.Equal(SweepAction.Ingest, Entry(IngestState.Processing, leaseUntil: Now - TimeSpan.FromSeconds(1)).Sweep(Now, NothingListed));
    }

    [Fact]
    public void The_sweep_leaves_a_live_lease_and_a_waiting_blob_alone()
    {
        Assert.Equal(SweepAction.Leave, Entry(IngestState.Processing, leaseUntil: Now + Lease).Sweep(Now, NothingListed));
        Assert.Equal(SweepAction.Leave, Entry(IngestState.Waiting).Sweep(Now, NothingListed));
    }

    [Fact]
    public void A_final_record_is_settled_unless_it_watches_a_conflict_which_brings_it_back_once_the_other_blob_is_gone()
    {
        Assert.Equal(SweepAction.Settled, Entry(IngestState.Ingested).Sweep(Now, NothingListed));
        Assert.Equal(SweepAction.Settled, Entry(IngestState.Rejected).Sweep(Now, NothingListed));
        var conflict = Entry(IngestState.Conflict, conflictWith: "r/epoch-01.parquet");
        Assert.Equal(SweepAction.Leave, conflict.Sweep(Now, name => name == "r/epoch-01.parquet"));
        Assert.Equal(SweepAction.Reingest, conflict.Sweep(Now, NothingListed));
        // The blob ingested first is told of the later one: it is ingested again when that one goes.
        Assert.Equal(SweepAction.Reingest, Entry(IngestState.Ingested, conflictWith: "r/epoch-01.parquet").Sweep(Now, NothingListed));
    }
}
