using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api;

/// <summary>The real run, uploaded and delivered to the blob trigger once for all the route tests.</summary>
public sealed class RealRunFixture : IAsyncLifetime
{
    public TestStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await TestStorage.CreateAsync();
        await Storage.UploadRealRunAsync(RealRun.Name, RealRun.Files());
    }

    public async Task DisposeAsync() => await Storage.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RealRunCollection : ICollectionFixture<RealRunFixture>
{
    public const string Name = "real run";
}
