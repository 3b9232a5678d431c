namespace PSC8.Server.Tests.Promise;

/// <summary>How a request that may change data ended, as far as the client can know.</summary>
public enum Outcome
{
    /// <summary>Acknowledged: it happened.</summary>
    Done,

    /// <summary>Answered with a refusal: it did not happen.</summary>
    Refused,

    /// <summary>No answer (connection lost, server killed, timed out): it may or may not have happened.</summary>
    Unknown,
}

/// <summary>The requests the promise scenarios share: C8QL through the cursor API, full dumps, fault settings.</summary>
public static class PromiseApi
{
    /// <summary>The fault settings every scenario starts from and leaves behind: nothing delayed, nobody cut off.</summary>
    public static readonly object QuietFaults = new { replicationDelay = "0ms", linkLatency = "0ms", isolated = Array.Empty<string>() };

    /// <summary>Bind variables; names starting with '@' are collection parameters.</summary>
    public static JsonObject Bind(params (string Name, object? Value)[] variables)
    {
        var bind = new JsonObject();
        foreach (var (name, value) in variables)
        {
            bind[name] = JsonSerializer.SerializeToNode(value);
        }
        return bind;
    }

    /// <summary>Runs a query and returns the response to its first request (up to 1000 rows), whatever its status.</summary>
    public static Task<HttpExchange> QueryAsync(this RegionClient api, string fabric, string query, JsonObject? bindVars = null) =>
        api.PostAsync(Paths.Fabric(fabric, "cursor"), new JsonObject
        {
            ["query"] = query,
            ["bindVars"] = bindVars ?? new JsonObject(),
            ["batchSize"] = 1000,
        });

    /// <summary>Every row of a query, following the cursor to its end; any error fails the test.</summary>
    public static async Task<List<JsonNode?>> QueryAllAsync(this RegionClient api, string fabric, string query, JsonObject? bindVars = null)
    {
        var response = (await api.QueryAsync(fabric, query, bindVars)).ShouldBe(201);
        var rows = new List<JsonNode?>();
        while (true)
        {
            rows.AddRange(response.Result.AsArray().Select(row => row?.DeepClone()));
            if (response.Json.Bool("hasMore") != true)
            {
                return rows;
            }
            response = (await api.PutAsync(Paths.Fabric(fabric, "cursor/" + response.Json.Str("id")))).ShouldBe(200);
        }
    }

    /// <summary>A collection's documents in key order, one JSON text each (with _rev): what "identical" compares.</summary>
    public static async Task<IReadOnlyList<string>> DumpAsync(this RegionClient api, string fabric, string collection) =>
        (await api.QueryAllAsync(fabric, "FOR d IN @@c SORT d._key RETURN d", Bind(("@c", collection))))
            .Select(d => d!.ToJsonString())
            .ToList();

    /// <summary>Dumps of one collection through each of <paramref name="apis"/>, by region.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> DumpEverywhereAsync(IEnumerable<RegionClient> apis, string fabric, string collection)
    {
        var dumps = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var api in apis)
        {
            dumps[api.Region] = await api.DumpAsync(fabric, collection);
        }
        return dumps;
    }

    /// <summary>How each region's dump differs from the first region's; empty when they are identical.</summary>
    public static List<string> Differences(string collection, IReadOnlyDictionary<string, IReadOnlyList<string>> dumps)
    {
        var differences = new List<string>();
        var (reference, expected) = dumps.First();
        foreach (var (region, dump) in dumps.Skip(1))
        {
            if (dump.SequenceEqual(expected))
            {
                continue;
            }
            var missing = expected.Except(dump).ToList();
            var extra = dump.Except(expected).ToList();
            differences.Add($"{collection}: {region} ({dump.Count} documents) differs from {reference} ({expected.Count}): " +
                $"{missing.Count} of {reference}'s versions missing, {extra.Count} not in {reference}" +
                (missing.Count > 0 ? $"; e.g. {missing[0]}" : extra.Count > 0 ? $"; e.g. {extra[0]}" : ""));
        }
        return differences;
    }

    /// <summary>PUT /_api/c8local/faults; attributes left out keep their value.</summary>
    public static async Task SetFaultsAsync(this RegionClient admin, object faults) =>
        (await admin.PutAsync(Paths.Faults, faults)).ShouldBe(200);

    /// <summary>One client of a workload: runs <paramref name="step"/> (given its number) again and again, off the test's thread, until stopped.</summary>
    public static Task RepeatUntilAsync(CancellationToken stop, Func<int, Task> step) => Task.Run(async () =>
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            await step(i);
        }
    });

    /// <summary>Failures that leave a request's outcome unknown: no answer came back.</summary>
    public static bool IsLostAnswer(Exception e) => e is HttpRequestException or IOException or TaskCanceledException;
}
