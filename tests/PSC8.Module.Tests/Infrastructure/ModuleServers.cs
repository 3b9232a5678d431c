using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// The servers the module's tests run against: the main C8 Local (three regions) and a second, unrelated one, so a
/// test can show that an object read from one server is never acted on at the other.
/// </summary>
public sealed class ModuleServers : IAsyncLifetime
{
    public C8LocalFixture Main { get; } = new();

    public C8LocalFixture Other { get; } = C8LocalFixture.With(C8LocalOptions.ForTests("eu-west"));

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Main.InitializeAsync(), Other.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(Main.DisposeAsync(), Other.DisposeAsync());
    }
}

// Run alone: removing or re-importing the module in any other runspace of the process (HelpTests imports it with
// -Force) closes every connection of every runspace, which would break a cmdlet test running meanwhile.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ModuleServersCollection : ICollectionFixture<ModuleServers>
{
    public const string Name = "C8 Local servers";
}
