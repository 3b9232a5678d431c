namespace PSC8.Server.Tests.Indexes;

/// <summary>C8QL through persistent indexes: the same rows as a scan, fewer documents read, explain naming the index, unique violations, hints.</summary>
public sealed class IndexQueryTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static string Index(string fabric, string collection) => Paths.Fabric(fabric, "index?collection=" + collection);

    /// <summary>A collection of 200 documents with n = 0…199, a mixed-type attribute v, and g present on every other one.</summary>
    private async Task<(string Fabric, string Collection)> SeedAsync(object? properties = null)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, properties);
        var documents = Enumerable.Range(0, 200).Select(i =>
        {
            var d = new JsonObject { ["n"] = i, ["s"] = "s" + (i % 10), ["nested"] = new JsonObject { ["k"] = i % 7 } };
            d["v"] = (i % 5) switch { 0 => null, 1 => i % 2 == 0, 2 => i, 3 => "t" + i, _ => new JsonArray(i) };
            if (i % 2 == 0)
            {
                d["g"] = i;
            }
            return (JsonNode)d;
        }).ToArray();
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new JsonArray(documents))).ShouldBe(202);
        return (fabric, collection);
    }

    private async Task<List<string>> KeysAsync(string fabric, string query) =>
        (await fx.Api().QueryAsync(fabric, query)).Rows.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Filters => new()
    {
        "d.n == 42",
        "42 == d.n",
        "d.n IN [3, 5, 7, 3]",
        "d.n >= 10 && d.n < 20",
        "d.n > 190",
        "d.n <= 5",
        "15 > d.n",
        "d.s == 's3'",
        "d.s > 's5'",
        "d.s < 's2'",
        "d.v == null",
        "d.v < 5",
        "d.v > 'u'",
        "d.v == [9]",
        "d.v IN [true, 'x', [4]]",
        "d.v >= false && d.v <= 10",
        "d.nested.k == 3",
        "d.g == null",
        "d.g > 100",
        "d.g < 10",
        "d.n == 42 && d.s == 's2'",
        "d.n == '42'",
        "d.n IN 'not a list'",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filter_finds_the_same_documents_with_and_without_an_index(string filter)
    {
        var (fabric, collection) = await SeedAsync();
        var query = $"FOR d IN {collection} FILTER {filter} RETURN d._key";
        var scanned = await KeysAsync(fabric, query);
        foreach (var (field, sparse) in new[] { ("n", false), ("s", false), ("v", false), ("nested.k", false), ("g", true), ("g", false) })
        {
            (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { field }, sparse })).ShouldBe(201);
        }
        Assert.Equal(scanned, await KeysAsync(fabric, query));
    }

    [Fact]
    public async Task An_equality_lookup_reads_only_what_the_index_finds_and_explain_names_the_index()
    {
        var (fabric, collection) = await SeedAsync();
        var query = $"FOR d IN {collection} FILTER d.n == 42 RETURN d";
        Assert.Equal(200, (await fx.Api().QueryAsync(fabric, query)).Stats.Long("scannedFull"));
        var index = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "n" }, name = "by_n" })).ShouldBe(201).Object;

        var run = await fx.Api().QueryAsync(fabric, query);
        Assert.Single(run.Rows);
        Assert.Equal(0, run.Stats.Long("scannedFull"));
        Assert.Equal(1, run.Stats.Long("scannedIndex"));

        var plan = (await fx.Api().PostAsync(Paths.Fabric(fabric, "query/explain"), new { query })).ShouldBe(200).Object.Obj("plan");
        var node = plan.Arr("nodes").Single(n => n.Str("type") == "IndexNode")!;
        var used = node.Arr("indexes").Single()!;
        Assert.Equal("by_n", used.Str("name"));
        Assert.Equal("persistent", used.Str("type"));
        Assert.Contains("use-indexes", plan.Arr("rules").Strings());
        Assert.EndsWith("/" + used.Str("id"), index.Str("id"));
    }

    [Fact]
    public async Task A_range_reads_only_its_documents()
    {
        var (fabric, collection) = await SeedAsync();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "skiplist", fields = new[] { "n" } })).ShouldBe(201);
        var run = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.n >= 10 && d.n < 20 RETURN d.n");
        Assert.Equal(10, run.Rows.Count);
        Assert.InRange(run.Stats.Long("scannedIndex") ?? 0, 10, 11);
        Assert.Equal(0, run.Stats.Long("scannedFull"));
    }

    [Fact]
    public async Task A_sparse_index_is_not_used_for_null_and_the_scan_answers()
    {
        var (fabric, collection) = await SeedAsync();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "g" }, sparse = true })).ShouldBe(201);
        var run = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.g == null RETURN 1");
        Assert.Equal(100, run.Rows.Count);
        Assert.Equal(200, run.Stats.Long("scannedFull"));
        var indexed = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.g == 4 RETURN 1");
        Assert.Equal(1, indexed.Stats.Long("scannedIndex"));
    }

    [Fact]
    public async Task Index_hints_choose_the_index_and_a_forced_unusable_hint_is_an_error()
    {
        var (fabric, collection) = await SeedAsync();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "n" }, name = "by_n" })).ShouldBe(201);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "s" }, name = "by_s" })).ShouldBe(201);
        var query = $"FOR d IN {collection} OPTIONS {{ indexHint: 'by_s' }} FILTER d.n == 42 && d.s == 's2' RETURN d.n";
        var run = await fx.Api().QueryAsync(fabric, query);
        Assert.Equal([42], run.Rows.Select(r => r!.GetValue<int>()));
        Assert.Equal(20, run.Stats.Long("scannedIndex"));

        var forced = $"FOR d IN {collection} OPTIONS {{ indexHint: 'nope', forceIndexHint: true }} FILTER d.n == 42 RETURN d";
        (await fx.Api().OpenCursorAsync(fabric, forced)).ShouldFail(400, 1577);
        var unforced = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} OPTIONS {{ indexHint: 'nope' }} FILTER d.n == 42 RETURN d");
        Assert.Equal(1, unforced.Stats.Long("scannedIndex"));
    }

    [Fact]
    public async Task Writes_through_an_index_in_one_query_see_each_document_once()
    {
        var (fabric, collection) = await SeedAsync();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "n" } })).ShouldBe(201);
        var run = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.n < 10 UPDATE d WITH {{ n: d.n - 1000 }} IN {collection} RETURN NEW.n");
        Assert.Equal(10, run.Rows.Count);
        Assert.Equal(10, (await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.n < 0 RETURN 1")).Rows.Count);
    }

    [Theory]
    [InlineData("INSERT { email: 'a' } INTO @@c")]
    [InlineData("FOR d IN @@c FILTER d.email == 'b' UPDATE d WITH { email: 'a' } IN @@c")]
    [InlineData("FOR d IN @@c FILTER d.email == 'b' REPLACE d WITH { email: 'a' } IN @@c")]
    [InlineData("UPSERT { email: 'c' } INSERT { email: 'a' } UPDATE {} IN @@c")]
    public async Task A_unique_index_refuses_a_repeated_value_in_C8QL_with_1210(string query)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new { isSpot = true });
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "email" }, unique = true })).ShouldBe(201);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new[] { new { email = "a" }, new { email = "b" } })).ShouldBe(202);
        (await fx.Api().OpenCursorAsync(fabric, query, new { bindVars = new Dictionary<string, object> { ["@c"] = collection } })).ShouldFail(409, 1210);
        var emails = (await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} SORT d.email RETURN d.email")).Rows.Select(r => r!.GetValue<string>());
        Assert.Equal(["a", "b"], emails);
    }

    [Fact]
    public async Task Document_API_updates_and_replaces_are_refused_with_1210_too()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new { isLocal = true });
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "email" }, unique = true })).ShouldBe(201);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new[] { new { _key = "one", email = "a" }, new { _key = "two", email = "b" } })).ShouldBe(202);
        (await fx.Api().PatchAsync(Paths.Document(fabric, collection, "two"), new { email = "a" })).ShouldFail(409, 1210);
        (await fx.Api().PutAsync(Paths.Document(fabric, collection, "two"), new { email = "a" })).ShouldFail(409, 1210);
        (await fx.Api().PatchAsync(Paths.Document(fabric, collection, "two"), new { email = "c" })).ShouldBe(202);
    }
}
