using System.Text.RegularExpressions;

namespace PSC8.Server.Tests.Query;

/// <summary>
/// The conformance table (the same cases and checks as <see cref="ConformanceTests"/>) through a real C8 Local:
/// data in SQLite, queries over HTTP through the cursor API, results paged with PUT.
/// </summary>
public sealed partial class HttpConformanceTests(ConformanceServer server) : IClassFixture<ConformanceServer>
{
    /// <summary>Any data-modification keyword, even inside a string: resetting too often only costs time.</summary>
    [GeneratedRegex(@"\b(INSERT|UPDATE|REPLACE|REMOVE|UPSERT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WriteKeyword();

    /// <summary>The cases on fixtures with documents (empty ones get no indexes): those run a second time with indexes.</summary>
    public static IEnumerable<object[]> CollectionCaseNames =>
        ConformanceTable.All.Where(c => c.Fixtures.Any(f => ConformanceFixtures.DocumentsOf(f).Any())).Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(ConformanceTests.CaseNames), MemberType = typeof(ConformanceTests))]
    public Task Case(string name) => RunAsync(ConformanceTable.Find(name), indexed: false);

    /// <summary>
    /// The same case and expected answer with persistent indexes on the fixtures' attributes, so filters, sorts and
    /// writes go through them. Without a SORT, C8QL leaves the order open and an index scan returns index order: those
    /// cases compare their rows as a multiset.
    /// </summary>
    [Theory]
    [MemberData(nameof(CollectionCaseNames))]
    public Task Case_with_indexes(string name)
    {
        var testCase = ConformanceTable.Find(name);
        return RunAsync(testCase.Query.Contains("SORT", StringComparison.OrdinalIgnoreCase) ? testCase : testCase.Unordered(), indexed: true);
    }

    private async Task RunAsync(ConformanceCase testCase, bool indexed)
    {
        var environment = await server.EnvironmentAsync(testCase.Fixtures, indexed);
        try
        {
            await ConformanceRunner.VerifyAsync(testCase, environment.RunAsync);
        }
        finally
        {
            if (WriteKeyword().IsMatch(testCase.Query + " " + testCase.Then))
            {
                await environment.ResetAsync();
            }
        }
    }
}

/// <summary>
/// One C8 Local for the whole table, with one fabric per combination of fixtures (and whether they have indexes):
/// cases that only read share it, and a case that may write restores it afterwards (truncate and reload), so the
/// table needs a handful of fabrics rather than one per case.
/// </summary>
public sealed class ConformanceServer : C8HostFixture
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ConformanceEnvironment>>> _environments = new(StringComparer.Ordinal);

    public Task<ConformanceEnvironment> EnvironmentAsync(IReadOnlyList<string> fixtures, bool indexed = false)
    {
        var sorted = fixtures.Order(StringComparer.Ordinal).ToArray();
        return _environments.GetOrAdd(string.Join(',', sorted) + (indexed ? "+indexes" : ""),
            _ => new Lazy<Task<ConformanceEnvironment>>(() => ConformanceEnvironment.CreateAsync(this, sorted, indexed))).Value;
    }
}

/// <summary>A fabric holding some fixtures under their own collection names, and the way to query it.</summary>
public sealed class ConformanceEnvironment
{
    /// <summary>Small batches, so that the many cases with a few rows go through PUT paging as well.</summary>
    private const int BatchSize = 3;

    private readonly RegionClient _api;
    private readonly string _fabric;
    private readonly IReadOnlyList<string> _fixtures;

    private ConformanceEnvironment(RegionClient api, string fabric, IReadOnlyList<string> fixtures)
    {
        _api = api;
        _fabric = fabric;
        _fixtures = fixtures;
    }

    public static async Task<ConformanceEnvironment> CreateAsync(C8HostFixture host, IReadOnlyList<string> fixtures, bool indexed)
    {
        // One region: replication has its own tests, and shipping every reset to two more regions would only slow the table down.
        var fabric = await host.CreateFabricAsync(new { dcList = Dc.UsWest, spotDc = Dc.UsWest });
        var environment = new ConformanceEnvironment(host.Api(), fabric, fixtures);
        foreach (var fixture in fixtures)
        {
            (await environment._api.PostAsync(Paths.Collections(fabric), new { name = ConformanceFixtures.CollectionOf(fixture) })).ShouldBe(200);
            if (indexed)
            {
                await environment.IndexAsync(fixture);
            }
            await environment.LoadAsync(fixture);
        }
        return environment;
    }

    /// <summary>Puts every collection back to its fixture's documents.</summary>
    public async Task ResetAsync()
    {
        foreach (var fixture in _fixtures)
        {
            (await _api.PutAsync(Paths.Collection(_fabric, ConformanceFixtures.CollectionOf(fixture), "truncate"))).ShouldBe(200);
            await LoadAsync(fixture);
        }
    }

    /// <summary>A persistent index on each top-level attribute of the fixture's documents, and one over the first two together.</summary>
    private async Task IndexAsync(string fixture)
    {
        var attributes = ConformanceFixtures.DocumentsOf(fixture).SelectMany(d => d.Select(p => p.Key)).Where(a => a != "_key").Distinct().ToList();
        var definitions = attributes.Select(a => new[] { a }).Concat(attributes.Count > 1 ? [attributes.Take(2).ToArray()] : []);
        foreach (var fields in definitions)
        {
            (await _api.PostAsync(Paths.Fabric(_fabric, "index?collection=" + ConformanceFixtures.CollectionOf(fixture)), new { type = "persistent", fields })).ShouldBe(201);
        }
    }

    private async Task LoadAsync(string fixture)
    {
        var documents = ConformanceFixtures.DocumentsOf(fixture).Select(C8Value.From).ToArray();
        if (documents.Length == 0)
        {
            return;
        }
        var body = Encoding.UTF8.GetBytes(C8Json.Serialize(C8Value.From(documents)));
        var response = (await _api.SendRawAsync(HttpMethod.Post, Paths.Documents(_fabric, ConformanceFixtures.CollectionOf(fixture)), body, "application/json"))
            .ShouldBe(202);
        Assert.Null(response.Header("X-C8-Error-Codes"));
    }

    /// <summary>Opens a cursor for the query and pages to its end; an error on any batch is the outcome.</summary>
    public async Task<ConformanceOutcome> RunAsync(string query, C8Object? bindVars)
    {
        var body = new C8Object.Builder()
            .Add("query", C8Value.From(query))
            .Add("bindVars", C8Value.From(bindVars ?? C8Object.Empty))
            .Add("batchSize", C8Value.From(BatchSize))
            .Build();
        var first = await _api.SendRawAsync(HttpMethod.Post, CursorCalls.Cursor(_fabric), C8Json.SerializeToUtf8(C8Value.From(body)), "application/json");
        var batches = await _api.FollowAsync(_fabric, first);
        var last = batches[^1];
        if (last.Status >= 400)
        {
            return ConformanceOutcome.Failed(new C8Exception(last.Status, (int)last.Json.Long("errorNum")!.Value, last.Json.Str("errorMessage")!));
        }
        var rows = batches.SelectMany(batch => C8Json.Parse(batch.Body).AsObject["result"].AsArray).ToArray();
        var warnings = last.Object.Obj("extra").Arr("warnings").Select(w => (int)w.Long("code")!.Value).ToList();
        return new ConformanceOutcome(C8Value.From(rows), warnings, null);
    }
}
