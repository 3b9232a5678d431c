using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace PSC8.Bench.Orchestration;

/// <summary>
/// A c8local process started for one part of the run, over HTTPS on loopback (jsC8 accepts nothing else), with a
/// root connection for setting up collections and the settings each kind of worker needs to reach it.
/// </summary>
public sealed class BenchServer(BenchSettings settings, ServerProcess process, string password, C8Connection root, string mode) : IAsyncDisposable
{
    public const string Domain = "c8.local";
    private const string RootEmail = "root@c8.local";

    /// <summary>memory or durable.</summary>
    public string Mode { get; } = mode;

    public C8Connection Root { get; } = root;

    public IReadOnlyList<string> RegionNames => process.Regions.Keys.ToArray();

    public TimeSpan CpuTime => process.CpuTime;

    /// <param name="dataFolder">Where a durable server keeps its databases; null for in-memory.</param>
    public static async Task<BenchServer> StartAsync(BenchSettings settings, IReadOnlyList<string> regions, string? dataFolder)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var arguments = new List<string>
        {
            "--regions", string.Join(',', regions), "--port", "0", "--domain", Domain,
            "--tls-cert", settings.CertificatePath, "--tls-key", settings.KeyPath, "--root-password", password,
        };
        arguments.AddRange(dataFolder is null ? ["--in-memory"] : ["--data", dataFolder]);
        var process = await ServerProcess.StartAsync(settings.C8LocalDll, arguments);
        try
        {
            var root = await C8Connection.ConnectAsync(new C8ConnectionOptions(process.Regions[regions[0]].ToString(), C8Credential.FromPassword(RootEmail, password))
            {
                Timeout = TimeSpan.FromMinutes(5),
            });
            return new BenchServer(settings, process, password, root, dataFolder is null ? "memory" : "durable");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string region) => process.Regions[region];

    public async Task CreateCollectionAsync(string fabric, string name, bool spot = false)
    {
        await Root.Collections.CreateAsync(fabric, name, new C8CollectionCreateOptions { IsSpot = spot });
    }

    /// <summary>Drops a collection whose numbers are taken, so the next run starts from the same state.</summary>
    public async Task DropCollectionAsync(string fabric, string name) => await Root.Collections.DeleteAsync(fabric, name);

    public Task<long> CountAsync(string fabric, string name) => Root.Collections.CountAsync(fabric, name);

    /// <summary>Changes replication delay and link latency at run time (C8 Local's admin endpoint, root only).</summary>
    public async Task SetFaultsAsync(string replicationDelay, string linkLatency)
    {
        using var http = new HttpClient { BaseAddress = Url(RegionNames[0]) };
        using var login = await http.PostAsJsonAsync("_open/auth", new { email = RootEmail, password });
        login.EnsureSuccessStatusCode();
        var jwt = (string?)(await login.Content.ReadFromJsonAsync<JsonObject>())?["jwt"] ?? throw new InvalidOperationException("No JWT from /_open/auth.");
        using var request = new HttpRequestMessage(HttpMethod.Put, "_api/c8local/faults")
        {
            Content = JsonContent.Create(new { replicationDelay, linkLatency }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", jwt);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Command-line options of a PSC8.Client worker talking to <paramref name="region"/>.</summary>
    public Dictionary<string, string> DotNetWorker(string region, string fabric, string collection) => new()
    {
        ["url"] = Url(region).ToString(),
        ["user"] = RootEmail,
        ["password"] = password,
        ["fabric"] = fabric,
        ["collection"] = collection,
    };

    /// <summary>
    /// Environment of a jsC8 worker talking to <paramref name="region"/>: jsC8 insists on https and on an api- host,
    /// which the preloaded host map sends to the region's loopback port (tests/interop does the same).
    /// </summary>
    public Dictionary<string, string> NodeWorker(string region, string fabric, string collection)
    {
        var map = new JsonObject();
        foreach (var name in RegionNames)
        {
            map[$"api-{name}.{Domain}"] = $"{Url(name).Host}:{Url(name).Port}";
        }
        return new Dictionary<string, string>
        {
            ["C8_HOSTMAP"] = map.ToJsonString(),
            ["NODE_EXTRA_CA_CERTS"] = settings.CertificatePath,
            ["C8_URL"] = $"https://{region}.{Domain}",
            ["C8_EMAIL"] = RootEmail,
            ["C8_PASSWORD"] = password,
            ["C8_FABRIC"] = fabric,
            ["C8_COLLECTION"] = collection,
        };
    }

    public async ValueTask DisposeAsync()
    {
        Root.Dispose();
        await process.DisposeAsync();
    }
}
