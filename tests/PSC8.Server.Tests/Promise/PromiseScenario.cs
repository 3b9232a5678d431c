namespace PSC8.Server.Tests.Promise;

/// <summary>
/// What every promise scenario shares: one server for the class, quiet faults before and after each test (so a
/// failed scenario leaves no delay or cut-off region behind), replication drained at the end, the run's budget.
/// </summary>
public abstract class PromiseScenario(C8HostFixture fixture) : IClassFixture<C8HostFixture>, IAsyncLifetime
{
    protected C8HostFixture Fx { get; } = fixture;

    protected PromiseBudget Budget { get; } = PromiseBudget.Current;

    /// <summary>A client for every region, in the order of <see cref="Dc.All"/>.</summary>
    protected RegionClient[] Regions => Dc.All.Select(r => Fx.Api(r)).ToArray();

    public Task InitializeAsync() => Fx.Api().SetFaultsAsync(PromiseApi.QuietFaults);

    public async Task DisposeAsync()
    {
        await Fx.Api().SetFaultsAsync(PromiseApi.QuietFaults);
        await Fx.DrainAsync();
    }
}
