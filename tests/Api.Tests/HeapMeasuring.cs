namespace ClassVisCloud.Api.Tests;

/// <summary>Tests that measure the process's live heap run in this collection: alone, with no other test allocating beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuring
{
    public const string Name = "measures the heap";
}
