using PSC8.Server.Security;

namespace PSC8.Server.Tests.Infrastructure;

/// <summary>The regions of <see cref="C8LocalOptions.ForTests"/>.</summary>
public static class Dc
{
    public const string UsWest = "us-west";
    public const string EuCentral = "eu-central";
    public const string ApSouth = "ap-south";

    public static readonly string[] All = [UsWest, EuCentral, ApSouth];
}

/// <summary>Paths in their canonical form (/_fabric/{f}/_api/…).</summary>
public static class Paths
{
    public const string Databases = "/_fabric/_system/_api/database";

    public static string Fabric(string fabric, string rest) => $"/_fabric/{Uri.EscapeDataString(fabric)}/_api/{rest}";

    public static string Collections(string fabric) => Fabric(fabric, "collection");

    public static string Collection(string fabric, string collection, string? rest = null) =>
        Fabric(fabric, $"collection/{Uri.EscapeDataString(collection)}") + (rest is null ? "" : "/" + rest);

    public static string Documents(string fabric, string collection, string? query = null) =>
        Fabric(fabric, $"document/{Uri.EscapeDataString(collection)}") + (query is null ? "" : "?" + query);

    public static string Document(string fabric, string collection, string key, string? query = null) =>
        Fabric(fabric, $"document/{Uri.EscapeDataString(collection)}/{Uri.EscapeDataString(key)}") + (query is null ? "" : "?" + query);

    public const string Faults = "/_api/c8local/faults";
}

/// <summary>
/// One in-process C8 Local (three in-memory regions on free loopback ports) shared by the tests of a class,
/// with root logged in. Tests create uniquely named fabrics and collections, so they never see each other's data.
/// </summary>
public class C8HostFixture : IAsyncLifetime
{
    private static int _counter;

    public C8LocalHost Host { get; private set; } = null!;

    public string RootToken { get; private set; } = "";

    protected virtual C8LocalOptions CreateOptions() => C8LocalOptions.ForTests();

    public async Task InitializeAsync()
    {
        Host = await C8LocalHost.StartAsync(CreateOptions());
        RootToken = await LoginAsync(Host.RootEmail, Host.RootPassword);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>What x-gdn-region says for a region: its UI host.</summary>
    public string RegionHost(string region) => $"{region}.{Host.Options.Domain}";

    /// <summary>A client for <paramref name="region"/> with root's JWT.</summary>
    public RegionClient Api(string region = Dc.UsWest) => new(region, Host.UrlOf(region), "bearer " + RootToken, RegionHost(region));

    public RegionClient Anonymous(string region = Dc.UsWest) => Api(region).WithAuthorization(null);

    public RegionClient WithToken(string token, string region = Dc.UsWest) => Api(region).WithAuthorization("bearer " + token);

    public Task<string> LoginAsync(string email, string password, string region = Dc.UsWest) =>
        Anonymous(region).LoginAsync(email, password);

    public Task DrainAsync() => Host.Cluster.Replicator.DrainAsync(TimeSpan.FromSeconds(20));

    /// <summary>A short unique name that is valid for fabrics and collections alike.</summary>
    public static string Unique(string prefix) =>
        $"{prefix}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates a fabric with the given options (null: every region, spot region us-west) and returns its name.</summary>
    public async Task<string> CreateFabricAsync(object? options = null, string region = Dc.UsWest)
    {
        var name = Unique("fab");
        var body = new JsonObject
        {
            ["name"] = name,
            ["options"] = JsonSerializer.SerializeToNode(options ?? new { dcList = string.Join(',', Dc.All), spotDc = Dc.UsWest }),
        };
        (await Api(region).PostAsync(Paths.Databases, body)).ShouldBe(201);
        return name;
    }

    /// <summary>Creates a collection with the given extra properties (isSpot, isLocal, type, keyOptions…) and returns its name.</summary>
    public async Task<string> CreateCollectionAsync(string fabric, object? properties = null, string region = Dc.UsWest)
    {
        var name = Unique("col");
        var body = properties is null ? new JsonObject() : JsonSerializer.SerializeToNode(properties)!.AsObject();
        body["name"] = name;
        (await Api(region).PostAsync(Paths.Collections(fabric), body)).ShouldBe(200);
        return name;
    }

    /// <summary>A new fabric (as <see cref="CreateFabricAsync"/> makes it) holding one new collection with the given extra properties.</summary>
    public async Task<(string Fabric, string Collection)> CreateFabricWithCollectionAsync(object? properties = null)
    {
        var fabric = await CreateFabricAsync();
        return (fabric, await CreateCollectionAsync(fabric, properties));
    }

    /// <summary>
    /// A non-root user with the given grants (collection "" is the fabric level, "*" the collection default),
    /// put straight into the catalog because the user API is not what these tests prove; logs in over HTTP.
    /// </summary>
    internal async Task<(string UserId, string Email, string Password, string Token)> AddUserAsync(
        params (string Fabric, string Collection, AccessLevel Level)[] grants)
    {
        var id = Unique("user");
        var email = id + "@example.test";
        var password = "pw-" + Guid.NewGuid().ToString("N")[..10];
        var catalog = Host.Cluster.Catalog;
        if (catalog.AddUser(new UserInfo(id, email, Passwords.Hash(password), Active: true, DisplayName: id,
                ExtraJson: "{}", ApiKeyParent: null, ApiKeyHash: null, AttributesJson: "{}")) != UserConflict.None)
        {
            throw new InvalidOperationException("Could not add the test user.");
        }
        foreach (var (fabric, collection, level) in grants)
        {
            catalog.SetGrant(id, fabric, collection, level);
        }
        return (id, email, password, await LoginAsync(email, password));
    }

    /// <summary>An API key of root with the given grants, put straight into the catalog; returns "TENANT.KEYID.SECRET".</summary>
    internal string AddApiKey(params (string Fabric, string Collection, AccessLevel Level)[] grants)
    {
        var id = Unique("key");
        var secret = Passwords.NewSecret();
        var catalog = Host.Cluster.Catalog;
        if (catalog.AddUser(new UserInfo(id, id + "@apikey", null, Active: true, DisplayName: id, ExtraJson: "{}",
                ApiKeyParent: Principal.RootUserId, ApiKeyHash: Passwords.HashSecret(secret), AttributesJson: "{}")) != UserConflict.None)
        {
            throw new InvalidOperationException("Could not add the test key.");
        }
        foreach (var (fabric, collection, level) in grants)
        {
            catalog.SetGrant(id, fabric, collection, level);
        }
        return $"{Host.Tenant}.{id}.{secret}";
    }
}
