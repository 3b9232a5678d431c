using System.Net;

namespace PSC8.Server.Hosting;

/// <summary>A region's name and, when given with --region, the address it binds to.</summary>
public sealed record RegionSpec(string Name, IPAddress? Address = null, int? Port = null);

/// <summary>Everything C8 Local can be told at start; the command line maps onto it one to one.</summary>
public sealed record C8LocalOptions
{
    public static readonly IReadOnlyList<string> DefaultRegionNames = ["us-west", "eu-central", "ap-south"];

    public IReadOnlyList<RegionSpec> Regions { get; init; } = DefaultRegionNames.Select(n => new RegionSpec(n)).ToArray();

    /// <summary>Region i listens on Port + i unless it has an explicit binding; 0 picks free ports (tests).</summary>
    public int Port { get; init; } = 8529;

    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    public string Domain { get; init; } = "c8.local";

    /// <summary>Folder for the SQLite databases; null with <see cref="InMemory"/> true.</summary>
    public string? DataDirectory { get; init; }

    public bool InMemory { get; init; }

    public string Tenant { get; init; } = "local";

    public string RootEmail { get; init; } = "root@c8.local";

    /// <summary>When null a random password is generated and printed once at start.</summary>
    public string? RootPassword { get; init; }

    public TimeSpan ReplicationDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long after shipping writes to the other regions the replicator gathers new ones before it ships again, so a
    /// loop of single writes is shipped in a few rounds rather than one per write; a write after a quiet spell ships at
    /// once. Shipping each write on its own, two more transactions per write with three regions, competed with the
    /// writes for the CPU: on 2 cores a Set-C8Document loop's p50 went from 0.45–0.67 ms to 0.25–0.33 with 2–10 ms here.
    /// </summary>
    public TimeSpan ReplicationBatchWindow { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>One-way latency added to each request forwarded between regions (spot collections).</summary>
    public TimeSpan LinkLatency { get; init; } = TimeSpan.Zero;

    /// <summary>Each region's datacenter locationInfo; a region missing here shows empty fields.</summary>
    public IReadOnlyDictionary<string, RegionLocation> Locations { get; init; } = RegionLocation.Defaults;

    /// <summary>Regions that may be a fabric's spot region; null means all.</summary>
    public IReadOnlyList<string>? SpotCapable { get; init; }

    public string? TlsCertificatePath { get; init; }

    public string? TlsKeyPath { get; init; }

    public long MaxBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A query's runtime limit when the caller gives no maxRuntime; zero means none.</summary>
    public TimeSpan QueryMaxRuntime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most any caller may ask for as maxRuntime (a larger or zero maxRuntime is cut to it).</summary>
    public TimeSpan QueryMaxRuntimeCeiling { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A query's memory limit in bytes when the caller gives no memoryLimit.</summary>
    public long QueryMemoryLimit { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most any caller may ask for as memoryLimit.</summary>
    public long QueryMemoryLimitCeiling { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Queries one caller (API key or user) may have running at once; more are refused with 429.</summary>
    public int MaxConcurrentQueriesPerCaller { get; init; } = 32;

    /// <summary>Cursors one caller may hold open at once; more are refused with 429.</summary>
    public int MaxCursorsPerCaller { get; init; } = 64;

    /// <summary>The longest idle lifetime a cursor may ask for (ttl).</summary>
    public TimeSpan CursorTtlCeiling { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed logins for one user name within <see cref="LoginFailureWindow"/> after which its logins answer 429.</summary>
    public int LoginFailuresPerUser { get; init; } = 5;

    /// <summary>
    /// Failed logins from one client address within <see cref="LoginFailureWindow"/> after which its logins answer 429;
    /// higher than the per-user limit because many users (a CI fleet, one NAT) may share an address.
    /// </summary>
    public int LoginFailuresPerAddress { get; init; } = 20;

    /// <summary>How long a failed login counts against its user name and address.</summary>
    public TimeSpan LoginFailureWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Secret for signing JWTs; random per start when null (tokens then die with the process).</summary>
    public string? JwtSecret { get; init; }

    /// <summary>
    /// Whether <c>GET /_api/version?details=true</c> advertises what C8 Local understands beyond GDN's published API
    /// (<c>"overwriteMode": "supported"</c>, which PSC8.Client probes before sending overwriteMode). A strict server leaves it out.
    /// </summary>
    public bool AdvertiseExtensions { get; init; } = true;

    /// <summary>
    /// Whether every request is held to GDN's published API (<c>--strict-api</c>): a query parameter, body field, path
    /// form or route it does not define answers 400, and no extension is advertised, so a client that works here
    /// sends nothing a real GDN could ignore.
    /// </summary>
    public bool StrictApi { get; init; }

    /// <summary>How often expired key-value pairs are removed in the background (they are never returned meanwhile).</summary>
    public TimeSpan ExpirySweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the server checks whether it holds much more memory than its objects need (after a big query) and
    /// gives it back; null never. The GC is the process's, so servers hosted inside another process (tests) leave
    /// it off.
    /// </summary>
    public TimeSpan? MemoryTrimInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Options for an in-process server in tests: in memory, free ports, a known password.</summary>
    public static C8LocalOptions ForTests(params string[] regions) => new()
    {
        Regions = (regions.Length == 0 ? DefaultRegionNames : regions).Select(n => new RegionSpec(n)).ToArray(),
        Port = 0,
        InMemory = true,
        RootPassword = "test-password",
        MemoryTrimInterval = null,
    };
}
