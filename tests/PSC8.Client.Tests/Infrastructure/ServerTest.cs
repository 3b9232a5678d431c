namespace PSC8.Client.Tests.Infrastructure;

/// <summary>
/// Base of the tests that run against the shared C8 Local: a root connection with its own log, a fresh fabric
/// (all three regions, spot region us-west) per test, and cleanup of that fabric afterwards.
/// </summary>
[Collection(C8LocalCollection.Name)]
public abstract class ServerTest : IAsyncLifetime
{
    private readonly List<string> _fabrics = new();

    protected ServerTest(C8LocalFixture fixture)
    {
        Fixture = fixture;
    }

    protected C8LocalFixture Fixture { get; }

    protected ConcurrentQueue<string> Log { get; } = new();

    protected C8Connection Root { get; private set; } = null!;

    /// <summary>A fabric created for this test (regions us-west, eu-central, ap-south; spot region us-west).</summary>
    protected string Fabric { get; private set; } = null!;

    /// <summary>Whether this test class needs its own fabric.</summary>
    protected virtual bool NeedsFabric => true;

    public virtual async Task InitializeAsync()
    {
        Root = await Fixture.ConnectAsync(log: Log);
        if (NeedsFabric)
        {
            Fabric = await CreateFabricAsync("f", C8SpotRegion.Named("us-west"));
        }
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var fabric in _fabrics)
        {
            try
            {
                await Fixture.Root.Fabrics.DeleteAsync(fabric);
            }
            catch (C8ApiException)
            {
                // Already deleted by the test, or the server cannot delete yet.
            }
        }

        Root.Dispose();
    }

    protected async Task<string> CreateFabricAsync(string prefix, C8SpotRegion spot, params string[] regions)
    {
        var name = C8LocalFixture.Unique(prefix);
        var options = new C8FabricCreateOptions { SpotRegion = spot };
        foreach (var region in regions.Length == 0 ? Fixture.Host.Regions.Select(r => r.Name).ToArray() : regions)
        {
            options.Regions.Add(region);
        }

        _fabrics.Add(name);
        await Root.Fabrics.CreateAsync(name, options);
        return name;
    }

    /// <summary>Marks a fabric created by the test itself for cleanup.</summary>
    protected void Track(string fabric) => _fabrics.Add(fabric);

    protected static JsonElement J(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    protected static JsonElement[] Docs(string jsonArray) => J(jsonArray).EnumerateArray().ToArray();

    protected string[] LogLines(string contains) => Log.Where(l => l.Contains(contains, StringComparison.Ordinal)).ToArray();
}
