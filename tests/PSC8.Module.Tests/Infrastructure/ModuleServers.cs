using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// The servers the module's tests run against: the main C8 Local (three regions) and a second, unrelated one, so a
/// test can show that an object read from one server is never acted on at the other.
/// </summary>
public sealed class ModuleServers : IAsyncLifetime
{
    public C8LocalFixture Main { get; } = C8LocalFixture.With(SuiteOptions());

    public C8LocalFixture Other { get; } = C8LocalFixture.With(SuiteOptions("eu-west"));

    /// <summary>
    /// C8LOCAL_STRICT_API=1 (build.ps1 -Task Test's second run of the module's suites) starts both servers with
    /// --strict-api, so the cmdlet tests prove the module sends only what GDN's published API defines.
    /// </summary>
    public static bool StrictApi => Environment.GetEnvironmentVariable("C8LOCAL_STRICT_API") == "1";

    private static C8LocalOptions SuiteOptions(params string[] regions) => C8LocalOptions.ForTests(regions) with { StrictApi = StrictApi };

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
