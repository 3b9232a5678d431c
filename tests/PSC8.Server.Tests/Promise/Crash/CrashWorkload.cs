namespace PSC8.Server.Tests.Promise.Crash;

/// <summary>
/// Writers in every region of a c8local child process, on an ordinary and a spot collection: single inserts, batch
/// queries (one C8QL query inserting <see cref="BatchSize"/> documents with a shared batch id) and replacements of a
/// per-writer counter document. The ledger outlives the process, so one workload spans all the kills.
/// </summary>
public sealed class CrashWorkload(string fabric, IReadOnlyList<string> collections, ScenarioSummary summary)
{
    public const int BatchSize = 5;

    private const string BatchQuery = """
        FOR i IN 1..@size
          INSERT { _key: CONCAT(@batch, "-", i), batch: @batch, i: i } IN @@c
          RETURN NEW._key
        """;

    private const int WritersPerRegion = 2;

    private readonly ConcurrentQueue<AckedInsert> _inserts = new();
    private readonly ConcurrentDictionary<string, BatchAttempt> _batches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Collection, string Key), CounterHistory> _counters = new();
    private long _lastId;

    public CrashRun Ledger(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> dumps) =>
        new(_inserts.ToArray(), _batches.Values.ToArray(), _counters.Values.ToArray(), dumps);

    /// <summary>Runs the writers until each has lost an answer: the process they talk to is gone.</summary>
    public Task RunUntilKilledAsync(IReadOnlyList<RegionClient> regions, Random seeds) =>
        Task.WhenAll(regions.SelectMany(api => Enumerable.Range(0, WritersPerRegion).Select(i =>
        {
            var writer = $"{api.Region}-w{i}";
            var random = new Random(seeds.Next());
            return Task.Run(async () =>
            {
                while (await StepAsync(api, writer, random))
                {
                }
            });
        })).ToArray());

    /// <summary>One write; false when its answer was lost.</summary>
    private async Task<bool> StepAsync(RegionClient api, string writer, Random random)
    {
        var collection = collections[random.Next(collections.Count)];
        var roll = random.Next(100);
        try
        {
            if (roll < 40)
            {
                await InsertAsync(api, collection);
            }
            else if (roll < 75)
            {
                await BatchAsync(api, collection);
            }
            else
            {
                await ReplaceCounterAsync(api, collection, $"counter-{writer}");
            }
            return true;
        }
        catch (Exception e) when (PromiseApi.IsLostAnswer(e))
        {
            summary.Count("writes unanswered");
            return false;
        }
    }

    private async Task InsertAsync(RegionClient api, string collection)
    {
        var key = $"i{Interlocked.Increment(ref _lastId)}";
        var response = await api.PostAsync(Paths.Documents(fabric, collection), new { _key = key });
        if (Expect(response, 202) && response.Json.Str("_rev") is { } rev)
        {
            _inserts.Enqueue(new AckedInsert(collection, key, api.Region, rev));
            summary.Count("inserts acknowledged");
        }
    }

    private async Task BatchAsync(RegionClient api, string collection)
    {
        var batch = $"b{Interlocked.Increment(ref _lastId)}";
        // Recorded as unknown before it is sent, so a lost answer leaves it that way.
        _batches[batch] = new BatchAttempt(collection, batch, BatchSize, api.Region, Outcome.Unknown);
        var response = await api.QueryAsync(fabric, BatchQuery, PromiseApi.Bind(("@c", collection), ("size", BatchSize), ("batch", batch)));
        var outcome = Expect(response, 201) && response.Result.AsArray().Count == BatchSize ? Outcome.Done : Outcome.Refused;
        _batches[batch] = _batches[batch] with { Outcome = outcome };
        summary.Count($"batches {outcome}");
    }

    /// <summary>Each writer owns its counter documents, so their ledger entries are never updated concurrently.</summary>
    private async Task ReplaceCounterAsync(RegionClient api, string collection, string key)
    {
        var id = (collection, key);
        var previous = _counters.TryGetValue(id, out var known) ? known : new CounterHistory(collection, key, 0, 0);
        var sent = previous with { LastSent = previous.LastSent + 1 };
        _counters[id] = sent;
        var response = await api.PostAsync(Paths.Documents(fabric, collection, "overwriteMode=replace"), new { _key = key, seq = sent.LastSent });
        if (Expect(response, 202))
        {
            _counters[id] = sent with { LastAcked = sent.LastSent };
            summary.Count("counter replacements acknowledged");
        }
    }

    private bool Expect(HttpExchange response, int status)
    {
        if (response.Status != status)
        {
            summary.Violation($"{response.Method} {response.Uri.AbsolutePath}: {response}");
        }
        return response.Status == status;
    }
}
