using System.Net.Http.Headers;
using System.Security.Cryptography;
using PSC8.Bench.Orchestration;

namespace PSC8.Bench.Soak;

/// <summary>
/// A one-region c8local in a process of its own (so its memory and descriptors are its own to read), plain HTTP
/// on loopback, and the callers of the soak: each an API key of its own with the access it needs, so the server's
/// per-caller caps apply to each separately.
/// </summary>
public sealed class SoakServer(ServerProcess process, C8Connection root, string rootPassword) : IAsyncDisposable
{
    public const string Fabric = "_system";
    public const string RootEmail = "root@c8.local";

    private readonly List<HttpClient> _clients = [];

    public Uri Url => process.Regions.Values.First();

    public int ProcessId => process.Id;

    /// <summary>Root's real password, so a failed login can be "root with a wrong one" while it never guesses right.</summary>
    public string RootPassword { get; } = rootPassword;

    public static async Task<SoakServer> StartAsync(SoakSettings settings, string? dataFolder)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var arguments = new List<string>
        {
            "--regions", "us-west", "--port", "0", "--root-password", password,
            "--cursor-ttl-ceiling", settings.CursorTtlCeiling.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        };
        arguments.AddRange(dataFolder is null ? ["--in-memory"] : ["--data", dataFolder]);
        arguments.AddRange(settings.ServerOptions);
        var process = await ServerProcess.StartAsync(settings.C8LocalDll, arguments);
        try
        {
            var root = await C8Connection.ConnectAsync(new C8ConnectionOptions(process.Regions.Values.First().ToString(), C8Credential.FromPassword(RootEmail, password)));
            return new SoakServer(process, root, password);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public Task CreateCollectionAsync(string name) => root.Collections.CreateAsync(Fabric, name);

    /// <summary>A client for a new API key with <paramref name="level"/> on the fabric, its own connection pool.</summary>
    public async Task<HttpClient> CallerAsync(string keyId, C8AccessLevel level)
    {
        var key = await root.ApiKeys.CreateAsync(keyId);
        await root.Access.SetFabricAccessAsync(C8AccessSubject.ApiKey(key.KeyId), Fabric, level);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("apikey", key.RevealKey());
        return client;
    }

    /// <summary>A client without credentials (health checks, logins, requests that must be refused).</summary>
    public HttpClient Anonymous()
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue };
        var client = new HttpClient(handler) { BaseAddress = Url, Timeout = TimeSpan.FromMinutes(3) };
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        root.Dispose();
        await process.DisposeAsync();
    }
}
