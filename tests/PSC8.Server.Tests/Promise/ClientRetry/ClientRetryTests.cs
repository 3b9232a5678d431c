using PSC8.Client;
using PSC8.Client.Models;

namespace PSC8.Server.Tests.Promise.ClientRetry;

/// <summary>
/// Promise 5, the client side: PSC8.Client repeats only what is safe to repeat. Behind a proxy that resets connections
/// before a request reaches C8 Local or after C8 Local answered it, its reads (documents and read-only queries) all
/// succeed, retried as needed, while an insert whose answer was lost is reported as failed, never repeated: no
/// document is stored twice. The negative control repeats inserts blindly through the same proxy and is caught.
/// </summary>
public sealed class ClientRetryTests(C8HostFixture fx, ITestOutputHelper output) : IClassFixture<C8HostFixture>
{
    private const string Region = Dc.EuCentral;
    private const double DropBefore = 0.1;
    private const double DropAfter = 0.1;
    private const int SeededDocuments = 20;
    private const int Workers = 4;
    private const string ReadQuery = "FOR d IN @@c FILTER d._key == @key RETURN d";

    private readonly PromiseBudget _budget = PromiseBudget.Current;

    [Fact]
    public async Task Through_a_connection_dropping_proxy_the_client_retries_reads_and_never_inserts_twice()
    {
        var summary = new ScenarioSummary("Client retries through a connection-dropping proxy", [Region], _budget);
        var (fabric, collection) = await CreateAsync();
        await using var proxy = new FaultProxy(fx.Host.UrlOf(Region), DropBefore, DropAfter, _budget.Seed);
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(new C8ConnectionOptions(proxy.Url.ToString(), C8Credential.FromPassword(fx.Host.RootEmail, fx.Host.RootPassword))
        {
            DefaultFabric = fabric,
            Retry = new C8RetryPolicy { MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(2), UseJitter = false },
            Timeout = TimeSpan.FromSeconds(30),
            Log = log.Enqueue,
        });
        proxy.Enabled = true;
        summary.Fault($"proxy in front of {Region} resets {DropBefore:P0} of requests before forwarding them and {DropAfter:P0} after the server answered");

        var attempts = new ConcurrentQueue<InsertAttempt>();
        long lastOp = 0;
        var seeds = _budget.Random(5);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => new Random(seeds.Next())).Select(random => Task.Run(async () =>
        {
            long op;
            while ((op = Interlocked.Increment(ref lastOp)) <= _budget.ClientOperations)
            {
                var roll = random.Next(10);
                if (roll < 5)
                {
                    attempts.Enqueue(await InsertAsync(connection, collection, op, summary));
                }
                else
                {
                    await ReadAsync(connection, collection, random.Next(SeededDocuments), viaQuery: roll >= 8, summary);
                }
            }
        })));
        proxy.Enabled = false;

        var ledger = attempts.ToArray();
        var stored = await StoredAsync(fabric, collection);
        summary.AddViolations(InsertOnceChecker.Check(ledger, stored));
        var (lostButStored, lostAndAbsent) = InsertOnceChecker.SettleLost(ledger, stored);
        var dropped = proxy.DroppedBeforeRequest + proxy.DroppedAfterRequest;
        summary.Observe($"proxy relayed {proxy.Relayed} answers, reset {proxy.DroppedBeforeRequest} requests before the server and {proxy.DroppedAfterRequest} after it answered");
        summary.Observe($"inserts whose answer was lost: {lostButStored} done by the server, {lostAndAbsent} not; none repeated by the client");
        summary.Observe($"{dropped - ledger.Count(a => a.Outcome == Outcome.Unknown)} dropped reads were retried until they succeeded " +
            $"({log.Count(l => l.Contains("before retry", StringComparison.Ordinal))} retry waits in the client log)");

        summary.PrintTo(output);
        Assert.Empty(summary.Violations);
        Assert.True(lostButStored > 0 && lostAndAbsent > 0, "the run lost answers of both kinds of insert");
        Assert.True(dropped > ledger.Count(a => a.Outcome == Outcome.Unknown), "some dropped requests were reads, and every read succeeded: they were retried");
    }

    [Fact]
    public async Task Negative_control_a_client_repeating_inserts_whose_answer_was_lost_is_caught_inserting_twice()
    {
        var summary = new ScenarioSummary("Client negative control: inserts repeated blindly", [Region], _budget);
        var (fabric, collection) = await CreateAsync();
        await using var proxy = new FaultProxy(fx.Host.UrlOf(Region), 0, 0.3, _budget.Seed) { Enabled = true };
        summary.Fault($"proxy in front of {Region} resets 30% of requests after the server answered");
        var api = new RegionClient(Region, proxy.Url, "bearer " + fx.RootToken, fx.RegionHost(Region));

        var attempts = new List<InsertAttempt>();
        for (var op = 1L; op <= 40; op++)
        {
            while (true)
            {
                try
                {
                    var response = (await api.PostAsync(Paths.Documents(fabric, collection), new { op })).ShouldBe(202);
                    attempts.Add(new InsertAttempt(op, response.Json.Str("_key"), Outcome.Done));
                    break;
                }
                catch (Exception e) when (PromiseApi.IsLostAnswer(e))
                {
                    summary.Count("blind repeats");
                }
            }
        }

        summary.AddViolations(InsertOnceChecker.Check(attempts, await StoredAsync(fabric, collection)));
        summary.PrintTo(output);
        Assert.Contains(summary.Violations, v => v.Contains("is stored 2 times", StringComparison.Ordinal));
    }

    private static async Task<InsertAttempt> InsertAsync(C8Connection connection, string collection, long op, ScenarioSummary summary)
    {
        try
        {
            var result = await connection.Documents.InsertAsync(null, collection, JsonSerializer.SerializeToElement(new { op }));
            summary.Count("inserts acknowledged");
            return new InsertAttempt(op, result.Key, Outcome.Done);
        }
        catch (C8ApiException e) when (e.StatusCode == 0)
        {
            summary.Count("inserts with a lost answer");
            return new InsertAttempt(op, null, Outcome.Unknown);
        }
    }

    /// <summary>Any failure here fails the test: reads are safe to repeat, so the client must get them through.</summary>
    private static async Task ReadAsync(C8Connection connection, string collection, int seed, bool viaQuery, ScenarioSummary summary)
    {
        var key = $"r{seed}";
        JsonElement document;
        if (viaQuery)
        {
            var query = new C8Query(ReadQuery);
            query.BindVars["@c"] = collection;
            query.BindVars["key"] = key;
            using var cursor = await connection.Queries.OpenAsync(null, query, retryable: true);
            document = Assert.Single(await cursor.ToListAsync());
        }
        else
        {
            document = await connection.Documents.GetAsync(null, collection, key) ?? throw new InvalidOperationException($"{key}: 304 without If-None-Match");
        }
        Assert.Equal(seed, document.GetProperty("seed").GetInt32());
        summary.Count(viaQuery ? "query reads" : "document reads");
    }

    private async Task<(string Fabric, string Collection)> CreateAsync()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new { isSpot = true });
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), Enumerable.Range(0, SeededDocuments).Select(i => new { _key = $"r{i}", seed = i }).ToArray())).ShouldBe(202);
        return (fabric, collection);
    }

    private async Task<List<(long Op, string Key)>> StoredAsync(string fabric, string collection) =>
        (await fx.Api(Region).QueryAllAsync(fabric, "FOR d IN @@c FILTER d.op != null RETURN [d.op, d._key]", PromiseApi.Bind(("@c", collection))))
            .Select(row => ((long)row![0]!, (string)row[1]!))
            .ToList();
}
