using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PSC8.Server.Cluster;
using PSC8.Server.Hosting;

namespace PSC8.Bench.Query;

/// <summary>
/// An in-process C8 Local with one region whose SQLite file sits at a known path (on /dev/shm when there is
/// one), so the SQLite floor reads the very same database. One region: replication is not what is measured.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string Region = "us-west";
    public const string Fabric = "bench";
    private const int LoadBatch = 10_000;

    private readonly string _directory;

    private BenchCluster(C8LocalHost host, string directory, HttpClient http)
    {
        Host = host;
        _directory = directory;
        Http = http;
    }

    public C8LocalHost Host { get; }

    public C8Cluster Cluster => Host.Cluster;

    /// <summary>Logged in as root, pointed at the region.</summary>
    public HttpClient Http { get; }

    public string DatabasePath => Path.Combine(_directory, $"region-{Region}.db");

    public static async Task<BenchCluster> StartAsync()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var directory = Path.Combine(root, "psc8-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new C8LocalOptions
        {
            Regions = [new RegionSpec(Region)],
            Port = 0,
            DataDirectory = directory,
            RootPassword = "bench-password",
        };
        var host = await C8LocalHost.StartAsync(options);
        var http = new HttpClient { BaseAddress = host.UrlOf(Region), Timeout = TimeSpan.FromMinutes(10) };
        var login = await Checked(await http.PostAsJsonAsync("/_open/auth", new { email = host.RootEmail, password = host.RootPassword }));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", login["jwt"]!.GetValue<string>());
        await Checked(await http.PostAsJsonAsync("/_fabric/_system/_api/database", new { name = Fabric, options = new { dcList = Region, spotDc = Region } }));
        return new BenchCluster(host, directory, http);
    }

    /// <summary>Creates the collection and fills it through the document API's batch insert; returns the wall time.</summary>
    public async Task<TimeSpan> LoadAsync(string collection, int documents, bool create = true)
    {
        if (create)
        {
            await Checked(await Http.PostAsJsonAsync($"/_fabric/{Fabric}/_api/collection", new { name = collection }));
        }
        var clock = Stopwatch.StartNew();
        for (var from = 1; from <= documents; from += LoadBatch)
        {
            var to = Math.Min(from + LoadBatch, documents + 1);
            using var content = new ByteArrayContent(AccountDocuments.Batch(from, to));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await Http.PostAsync($"/_fabric/{Fabric}/_api/document/{collection}?silent=true", content);
            if (!response.IsSuccessStatusCode || response.Headers.Contains("X-C8-Error-Codes"))
            {
                throw new InvalidOperationException($"Loading {collection} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        return clock.Elapsed;
    }

    private static async Task<JsonNode> Checked(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} -> {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
