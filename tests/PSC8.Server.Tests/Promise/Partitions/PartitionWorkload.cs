namespace PSC8.Server.Tests.Promise.Partitions;

/// <summary>The collections of a partition run; the ordinary one holds shared keys, the spot one a seed document.</summary>
public sealed record PartitionCollections(string Fabric, string Ordinary, string Spot, string Local, string LocalRegion);

/// <summary>
/// Clients in every region writing and reading an ordinary and a spot collection (and, in its region, a local one)
/// without pause, while the test cuts regions off and heals them through <see cref="SetIsolatedAsync"/>.
/// </summary>
public sealed class PartitionWorkload(IReadOnlyList<RegionClient> regions, RegionClient admin, PartitionCollections collections, ScenarioSummary summary)
{
    public const int SharedKeys = 5;
    public const string SpotSeed = "seed";

    private readonly ConcurrentQueue<PartitionRequest> _requests = new();
    private readonly ConcurrentDictionary<int, IReadOnlyCollection<string>> _stablePhases = new() { [0] = [] };
    private int _phase;

    public IReadOnlyList<PartitionRequest> Requests => _requests.ToArray();

    public IReadOnlyDictionary<int, IReadOnlyCollection<string>> StablePhases => _stablePhases;

    /// <summary>
    /// Cuts exactly these regions off. Phases are even while the faults are settled and odd while they change, so a
    /// request that starts and ends in the same even phase knows which faults applied to it.
    /// </summary>
    public async Task SetIsolatedAsync(params string[] isolated)
    {
        Interlocked.Increment(ref _phase);
        await admin.SetFaultsAsync(new { isolated });
        _stablePhases[Volatile.Read(ref _phase) + 1] = isolated;
        Interlocked.Increment(ref _phase);
        summary.Fault(isolated.Length == 0 ? "healed: nobody cut off" : $"cut off: {string.Join(", ", isolated)}");
    }

    public Task RunAsync(CancellationToken stop)
    {
        var clients = new List<Task>();
        foreach (var api in regions)
        {
            clients.Add(PromiseApi.RepeatUntilAsync(stop, i => i % 2 == 0
                ? Send(api, PartitionOp.OrdinaryInsert, $"{api.Region}-o{i}", key => api.PostAsync(Paths.Documents(collections.Fabric, collections.Ordinary), new { _key = key }))
                : Send(api, PartitionOp.OrdinaryUpdate, $"shared-{i / 2 % SharedKeys}", key => api.PatchAsync(Paths.Document(collections.Fabric, collections.Ordinary, key), new { n = i, by = api.Region }))));
            clients.Add(PromiseApi.RepeatUntilAsync(stop, i =>
                Send(api, PartitionOp.OrdinaryRead, $"shared-{i % SharedKeys}", key => api.GetAsync(Paths.Document(collections.Fabric, collections.Ordinary, key)))));
            clients.Add(PromiseApi.RepeatUntilAsync(stop, i => i % 2 == 0
                ? Send(api, PartitionOp.SpotInsert, $"{api.Region}-s{i}", key => api.PostAsync(Paths.Documents(collections.Fabric, collections.Spot), new { _key = key }))
                : Send(api, PartitionOp.SpotRead, SpotSeed, key => api.GetAsync(Paths.Document(collections.Fabric, collections.Spot, key)))));
            if (api.Region == collections.LocalRegion)
            {
                clients.Add(PromiseApi.RepeatUntilAsync(stop, i =>
                    Send(api, PartitionOp.LocalInsert, $"l{i}", key => api.PostAsync(Paths.Documents(collections.Fabric, collections.Local), new { _key = key }))));
            }
        }
        return Task.WhenAll(clients);
    }

    private async Task Send(RegionClient api, PartitionOp op, string key, Func<string, Task<HttpExchange>> send)
    {
        var phase = Volatile.Read(ref _phase);
        var clock = Stopwatch.StartNew();
        var response = await send(key);
        var request = new PartitionRequest(api.Region, op, key, response.Status, response.Json.Long("errorNum"), clock.Elapsed, phase, Volatile.Read(ref _phase));
        _requests.Enqueue(request);
        summary.Count($"{op} {(request.Succeeded ? "served" : response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
    }
}
