using System.Security.Cryptography;
using PSC8.Server.Api;
using PSC8.Server.Hosting;
using PSC8.Server.Replication;

namespace PSC8.Server.Cluster;

/// <summary>
/// Everything one C8 Local shares across its regions: the regions (each with what it owns), the
/// metadata catalog, security, replication and fault settings, and the request router.
/// </summary>
internal sealed class C8Cluster : IDisposable
{
    private readonly StorageLocation _location;
    private readonly ControlStore _control;
    private readonly Dictionary<string, Region> _regionsByName;
    private readonly Dictionary<string, Region> _regionsByHost;
    private readonly Dictionary<string, ReaderWriterLockSlim> _spotGates = new(StringComparer.Ordinal);

    private C8Cluster(C8LocalOptions options, StorageLocation location)
    {
        Options = options;
        _location = location;
        Quotas = new CallerQuotas(options.MaxConcurrentQueriesPerCaller, options.MaxCursorsPerCaller);
        Regions = options.Regions.Select((r, i) => new Region(r.Name, i, options.Domain,
            new RegionStore(r.Name, location.PathOf($"region-{r.Name}.db"), location.Durable), Quotas)).ToArray();
        _regionsByName = Regions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _regionsByHost = Regions.SelectMany(r => new[] { (r.Host, r), (r.ApiHost, r) })
            .ToDictionary(p => p.Item1, p => p.r, StringComparer.OrdinalIgnoreCase);

        _control = new ControlStore(location.PathOf("control.db"), location.Durable);
        Catalog = new Catalog(_control);
        Faults = new FaultSettings(options.ReplicationDelay, options.LinkLatency);
        Replicator = new Replicator(Regions, Catalog, Faults, WriteLocks, options.ReplicationBatchWindow);
        ExpirySweeper = new KeyValue.ExpirySweeper(this, options.ExpirySweepInterval);

        var bootstrap = new ClusterBootstrap(this);
        RootPassword = bootstrap.EnsureRootUser();
        bootstrap.ApplySpotCapability();
        bootstrap.EnsureSystemFabric();
        KeyStride = bootstrap.KeyStride();
        Tokens = new JwtTokens(bootstrap.JwtSecret());
        Authenticator = new Authenticator(Catalog, Tokens, options.Tenant,
            new LoginThrottle(options.LoginFailuresPerUser, options.LoginFailuresPerAddress, options.LoginFailureWindow, TimeProvider.System));
        Access = new AccessControl(Catalog);
        Router = ApiRoutes.Build();
        BuildIndexes();
        TtlSweeper = new Application.TtlSweeper(this, TimeSpan.FromSeconds(1));
        MemoryTrimmer = options.MemoryTrimInterval is { } trim ? new Application.MemoryTrimmer(trim) : null;
    }

    /// <summary>Gives memory back after a burst; null when the server shares its process (tests).</summary>
    public Application.MemoryTrimmer? MemoryTrimmer { get; }

    /// <summary>Background removal of the documents TTL indexes say expired.</summary>
    public Application.TtlSweeper TtlSweeper { get; }

    /// <summary>
    /// Every region builds the indexes the catalog has that its store lacks: one created while the process died
    /// is in the catalog only once every region built it, but the regions that built it may be ahead of the catalog.
    /// </summary>
    private void BuildIndexes()
    {
        foreach (var index in Catalog.AllIndexes())
        {
            foreach (var region in Regions)
            {
                region.Store.CreateIndex(index, index.CollectionId);
            }
        }
    }

    public C8LocalOptions Options { get; }

    /// <summary>The root password in force: the one given, or the one generated at first start.</summary>
    public string RootPassword { get; }

    public IReadOnlyList<Region> Regions { get; }

    public Catalog Catalog { get; }

    public FaultSettings Faults { get; }

    public Replicator Replicator { get; }

    /// <summary>Removes expired key-value pairs in the background.</summary>
    public KeyValue.ExpirySweeper ExpirySweeper { get; }

    public JwtTokens Tokens { get; }

    /// <summary>Generated keys are value * KeyStride + region index; fixed at first start so keys never collide.</summary>
    public int KeyStride { get; }

    public Authenticator Authenticator { get; }

    public AccessControl Access { get; }

    public Router Router { get; }

    /// <summary>What each caller may run and hold at once.</summary>
    public CallerQuotas Quotas { get; }

    /// <summary>Which collections a modifying query is writing, so their other writers wait for it.</summary>
    public CollectionWriteLocks WriteLocks { get; } = new();

    /// <summary>The queries running now and the slow ones that finished.</summary>
    public RunningQueries Queries { get; } = new();

    /// <summary>The C8QL engine, shared by every region (it caches parsed queries).</summary>
    public Query.C8qlEngine Engine { get; } = new();

    /// <summary>Where diagnostics go; the console app points it at stderr.</summary>
    public Action<string> Log { get; set; } = _ => { };

    public bool IsDurable => _location.Durable;

    public static C8Cluster Open(C8LocalOptions options)
    {
        if (options.Regions.Count == 0)
        {
            throw new ArgumentException("At least one region is needed.");
        }
        var location = StorageLocation.Create(options.DataDirectory, options.InMemory);
        try
        {
            return new C8Cluster(options, location);
        }
        catch
        {
            location.Dispose();
            throw;
        }
    }

    public Region Region(string name) =>
        _regionsByName.TryGetValue(name, out var region) ? region : throw new KeyNotFoundException($"No region '{name}'.");

    public Region? FindRegion(string name) => _regionsByName.GetValueOrDefault(name);

    public Region? FindRegionByHost(string host) => _regionsByHost.GetValueOrDefault(host);

    /// <summary>Spot operations of a fabric hold this gate shared; moving the spot region holds it exclusively.</summary>
    public ReaderWriterLockSlim SpotGate(string fabric)
    {
        lock (_spotGates)
        {
            if (!_spotGates.TryGetValue(fabric, out var gate))
            {
                gate = new ReaderWriterLockSlim(LockRecursionPolicy.SupportsRecursion);
                _spotGates[fabric] = gate;
            }
            return gate;
        }
    }

    internal void Start(IReadOnlyList<RegionEndpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            Region(endpoint.Name).Url = endpoint.Url;
        }
        Replicator.Start();
        ExpirySweeper.Start();
        TtlSweeper.Start();
        MemoryTrimmer?.Start();
    }

    internal async Task StopAsync()
    {
        await ExpirySweeper.DisposeAsync().ConfigureAwait(false);
        await TtlSweeper.DisposeAsync().ConfigureAwait(false);
        if (MemoryTrimmer is not null)
        {
            await MemoryTrimmer.DisposeAsync().ConfigureAwait(false);
        }
        await Replicator.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var region in Regions)
        {
            region.Dispose();
        }
        _control.Dispose();
        _location.Dispose();
    }

    internal static byte[] RandomSecret() => RandomNumberGenerator.GetBytes(32);
}
