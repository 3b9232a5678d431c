namespace PSC8.Server.Tests.Promise.Linearizability;

/// <summary>
/// Clients in every region reading, writing and compare-and-setting (PUT with If-Match) a few documents
/// <c>{value: n}</c>, recording each operation's call and return on the monotonic clock. Two clients stay in each
/// region; one more moves to the next region after every operation, so a write acknowledged in one region is
/// followed at once by a read in another. Each write stores a fresh value; the documents must exist holding 0.
/// </summary>
public sealed class RegisterWorkload(IReadOnlyList<RegionClient> regions, string fabric, string collection, ScenarioSummary summary)
{
    private const int ClientsPerRegion = 2;

    private long _lastValue;

    public async Task<RegisterHistory> RunAsync(IReadOnlyList<string> keys, TimeSpan duration, Random seeds)
    {
        var history = new RegisterHistory();
        using var stop = new CancellationTokenSource(duration);
        var clients = new List<Task>();
        var id = 0;
        foreach (var region in regions)
        {
            for (var i = 0; i < ClientsPerRegion; i++)
            {
                var home = region;
                clients.Add(RunClientAsync(id++, _ => home, keys, stop.Token, new Random(seeds.Next()), history));
            }
        }
        clients.Add(RunClientAsync(id, step => regions[step % regions.Count], keys, stop.Token, new Random(seeds.Next()), history));
        await Task.WhenAll(clients);
        return history;
    }

    private Task RunClientAsync(int client, Func<int, RegionClient> regionForStep, IReadOnlyList<string> keys, CancellationToken stop, Random random, RegisterHistory history)
    {
        // The revision and value this client last saw per key: what its compare-and-sets expect.
        var known = new Dictionary<string, (string Rev, long Value)>(StringComparer.Ordinal);
        return PromiseApi.RepeatUntilAsync(stop, step =>
        {
            var api = regionForStep(step);
            var key = keys[random.Next(keys.Count)];
            var roll = random.Next(10);
            return roll < 4 || !known.TryGetValue(key, out var seen)
                ? ReadAsync(api, client, key, known, history)
                : WriteAsync(api, client, key, roll < 7 ? null : seen, known, history);
        });
    }

    private async Task ReadAsync(RegionClient api, int client, string key, Dictionary<string, (string Rev, long Value)> known, RegisterHistory history)
    {
        var call = RegisterHistory.Now();
        HttpExchange response;
        try
        {
            response = await api.GetAsync(Paths.Document(fabric, collection, key));
        }
        catch (Exception e) when (PromiseApi.IsLostAnswer(e))
        {
            summary.Count("reads unanswered");
            return;
        }
        var @return = RegisterHistory.Now();
        if (response.Status != 200 || response.Json.Long("value") is not { } value || response.Json.Str("_rev") is not { } rev)
        {
            summary.Violation($"read through {api.Region}: {response}");
            return;
        }
        history.Add(RegisterOperation.Read(client, key, value, call, @return));
        known[key] = (rev, value);
        summary.Count("reads");
    }

    /// <summary>A plain write, or with <paramref name="expected"/> a compare-and-set on its revision.</summary>
    private async Task WriteAsync(RegionClient api, int client, string key, (string Rev, long Value)? expected,
        Dictionary<string, (string Rev, long Value)> known, RegisterHistory history)
    {
        var value = Interlocked.Increment(ref _lastValue);
        var call = RegisterHistory.Now();
        var outcome = Outcome.Unknown;
        try
        {
            var response = await api.PutAsync(Paths.Document(fabric, collection, key), new { value }, message =>
            {
                if (expected is { } e)
                {
                    message.Headers.TryAddWithoutValidation("If-Match", $"\"{e.Rev}\"");
                }
            });
            if (response.Status == 202 && response.Json.Str("_rev") is { } rev)
            {
                outcome = Outcome.Done;
                known[key] = (rev, value);
            }
            else if (response.Status == 412 && expected is not null)
            {
                outcome = Outcome.Refused;
            }
            else
            {
                summary.Violation($"write through {api.Region}: {response}");
            }
        }
        catch (Exception e) when (PromiseApi.IsLostAnswer(e))
        {
        }
        var @return = RegisterHistory.Now();
        if (outcome != Outcome.Done)
        {
            known.Remove(key);
        }
        history.Add(expected is { } seen
            ? RegisterOperation.CompareAndSet(client, key, seen.Value, value, outcome, call, @return)
            : RegisterOperation.Write(client, key, value, outcome, call, @return));
        summary.Count(expected is null ? $"writes {outcome}" : $"compare-and-sets {outcome}");
    }
}
