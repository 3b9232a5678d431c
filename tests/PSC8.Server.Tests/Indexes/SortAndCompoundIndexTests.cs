namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// SORT … LIMIT served from a persistent index (no SortNode; only about LIMIT documents read) with the same rows as
/// a sort, compound indexes narrowing on their second field, and array fields refused. ArangoDB's optimizer does
/// the same (aql/execution-and-performance/query-optimization.md: use-index-for-sort; indexing/working-with-indexes/
/// persistent-indexes.md: a compound index serves equality on its leading fields and a range on the next).
/// </summary>
public sealed class SortAndCompoundIndexTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static string Index(string fabric, string collection) => Paths.Fabric(fabric, "index?collection=" + collection);

    /// <summary>300 documents: f a number with ties, a mixed-type t (strings in several cases, arrays, objects, null, missing), g and h for compound use.</summary>
    private async Task<(string Fabric, string Collection)> SeedAsync()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var documents = Enumerable.Range(0, 300).Select(i =>
        {
            var d = new JsonObject { ["_key"] = "k" + i.ToString("D3"), ["f"] = (i * 37) % 101, ["g"] = "g" + (i % 3), ["h"] = i % 50 };
            JsonNode? t = (i % 7) switch { 0 => null, 1 => "b" + i % 5, 2 => "B" + i % 4, 3 => new JsonArray(i % 3, 1), 4 => new JsonObject { ["x"] = i % 2 }, 5 => i % 9, _ => "á" };
            if (i % 11 != 0)
            {
                d["t"] = t;
            }
            return (JsonNode)d;
        }).ToArray();
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new JsonArray(documents))).ShouldBe(202);
        return (fabric, collection);
    }

    private async Task<JsonObject> PlanAsync(string fabric, string query) =>
        (await fx.Api().PostAsync(Paths.Fabric(fabric, "query/explain"), new { query })).ShouldBe(200).Object.Obj("plan");

    public static TheoryData<string> Sorts => new()
    {
        "SORT d.f LIMIT 10",
        "SORT d.f DESC LIMIT 5, 10",
        "SORT d.f",
        "FILTER d.f >= 50 SORT d.f LIMIT 7",
        "FILTER d.f < 20 SORT d.f DESC",
        "FILTER d.h == 3 SORT d.f LIMIT 4",
        "SORT d.t LIMIT 60",
        "SORT d.t DESC LIMIT 60",
        "SORT d.t",
        "FILTER d.g == 'g1' SORT d.h LIMIT 20",
        "FILTER d.g == 'g2' SORT d.h DESC",
        "SORT d.g, d.h LIMIT 20",
        "SORT d.g DESC, d.h DESC LIMIT 15",
        "SORT d.f, d.t LIMIT 30",
        "SORT d.f DESC, d.t DESC",
        "SORT d.h, d.f DESC LIMIT 5",
        "FILTER d.h IN [7, 3, 40] SORT d.h",
        "FILTER d.h IN [7, 3, 40] SORT d.h DESC, d.f DESC LIMIT 10",
        "FILTER d.f IN [5, 1] SORT d.f, d.t LIMIT 9",
        "FILTER d.g IN ['g2', 'g0'] SORT d.g, d.h LIMIT 50",
        "FILTER d.g == 'g1' && d.h IN [9, 2, 30] SORT d.h DESC",
        "FILTER d.t IN ['b1', 'B2', [1, 1], 3, null, {x: 1}] SORT d.t",
        "FILTER d.t IN ['b1', 'B2', [1, 1], 3, null, {x: 1}] SORT d.t DESC LIMIT 25",
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task A_sort_through_an_index_gives_the_rows_a_sort_gives(string tail)
    {
        var (fabric, collection) = await SeedAsync();
        var query = $"FOR d IN {collection} {tail} RETURN [d._key, d.f, d.t, d.g, d.h]";
        var sorted = (await fx.Api().QueryAsync(fabric, query)).Rows.ToJsonString();
        foreach (var fields in new[] { new[] { "f" }, new[] { "t" }, new[] { "g", "h" }, new[] { "h" }, new[] { "h", "f" }, new[] { "f", "t" } })
        {
            (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields })).ShouldBe(201);
        }
        Assert.Equal(sorted, (await fx.Api().QueryAsync(fabric, query)).Rows.ToJsonString());
    }

    [Fact]
    public async Task Sort_limit_reads_about_limit_documents_and_explain_has_no_sort()
    {
        var (fabric, collection) = await SeedAsync();
        var query = $"FOR d IN {collection} SORT d.f DESC LIMIT 3 RETURN d.f";
        Assert.Contains(await PlanAsync(fabric, query) is var before ? before.Arr("nodes") : [], n => n.Str("type") == "SortNode");
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "f" }, name = "by_f" })).ShouldBe(201);

        var run = await fx.Api().QueryAsync(fabric, query);
        Assert.Equal("[100,100,100]", run.Rows.ToJsonString());
        Assert.InRange(run.Stats.Long("scannedIndex") ?? 0, 3, 6);
        Assert.Equal(0, run.Stats.Long("scannedFull"));
        var plan = await PlanAsync(fabric, query);
        Assert.DoesNotContain(plan.Arr("nodes"), n => n.Str("type") == "SortNode");
        var node = plan.Arr("nodes").Single(n => n.Str("type") == "IndexNode")!;
        Assert.Equal("by_f", node.Arr("indexes").Single().Str("name"));
        Assert.Equal(true, node.Bool("reverse"));
    }

    [Fact]
    public async Task A_sort_on_several_fields_or_after_an_in_reads_through_the_index()
    {
        var (fabric, collection) = await SeedAsync();
        var several = $"FOR d IN {collection} SORT d.f, d.h LIMIT 5 RETURN [d.f, d.h]";
        var afterIn = $"FOR d IN {collection} FILTER d.h IN [30, 4, 17] SORT d.h DESC, d.f DESC LIMIT 4 RETURN [d.h, d.f]";
        var mixed = $"FOR d IN {collection} SORT d.f, d.h DESC LIMIT 5 RETURN [d.f, d.h]";
        var expected = new Dictionary<string, string>();
        foreach (var query in new[] { several, afterIn, mixed })
        {
            expected[query] = (await fx.Api().QueryAsync(fabric, query)).Rows.ToJsonString();
        }
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "f", "h" }, name = "by_f_h" })).ShouldBe(201);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "h", "f" }, name = "by_h_f" })).ShouldBe(201);

        foreach (var (query, index, reverse) in new[] { (several, "by_f_h", false), (afterIn, "by_h_f", true) })
        {
            var run = await fx.Api().QueryAsync(fabric, query);
            Assert.Equal(expected[query], run.Rows.ToJsonString());
            // f = 0 has 3 documents and each h 6: a run of equal first values is read whole, and one more to see it end.
            Assert.InRange(run.Stats.Long("scannedIndex") ?? 0, 4, 8);
            Assert.Equal(0, run.Stats.Long("scannedFull"));
            var plan = await PlanAsync(fabric, query);
            Assert.DoesNotContain(plan.Arr("nodes"), n => n.Str("type") == "SortNode");
            var node = plan.Arr("nodes").Single(n => n.Str("type") == "IndexNode")!;
            Assert.Equal(index, node.Arr("indexes").Single().Str("name"));
            Assert.Equal(reverse, node.Bool("reverse"));
            Assert.Equal(index == "by_f_h" ? ["f", "h"] : ["h", "f"], node.Arr("sorted").Strings());
        }
        // Directions that differ are the SORT's to follow.
        Assert.Equal(expected[mixed], (await fx.Api().QueryAsync(fabric, mixed)).Rows.ToJsonString());
        Assert.Contains((await PlanAsync(fabric, mixed)).Arr("nodes"), n => n.Str("type") == "SortNode");
    }

    [Fact]
    public async Task A_sparse_index_or_an_inner_loop_does_not_serve_a_sort()
    {
        var (fabric, collection) = await SeedAsync();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "t" }, sparse = true })).ShouldBe(201);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "f" } })).ShouldBe(201);
        Assert.Contains((await PlanAsync(fabric, $"FOR d IN {collection} SORT d.t LIMIT 3 RETURN d")).Arr("nodes"), n => n.Str("type") == "SortNode");
        // Three documents have f = 0: sorted over both loops, the fourth row is the second loop's.
        var nested = $"FOR i IN 1..2 FOR d IN {collection} SORT d.f LIMIT 4 RETURN [i, d.f]";
        Assert.Contains((await PlanAsync(fabric, nested)).Arr("nodes"), n => n.Str("type") == "SortNode");
        Assert.Equal("[[1,0],[1,0],[1,0],[2,0]]", (await fx.Api().QueryAsync(fabric, nested)).Rows.ToJsonString());
    }

    [Fact]
    public async Task A_compound_index_narrows_on_its_second_field_after_an_equality()
    {
        var (fabric, collection) = await SeedAsync();
        var query = $"FOR d IN {collection} FILTER d.g == 'g1' && d.h >= 10 && d.h < 13 RETURN d._key";
        var inOrder = $"FOR d IN {collection} FILTER d.g IN ['g0', 'g2'] SORT d.g LIMIT 30 RETURN d.g";
        var scanned = Keys(await fx.Api().QueryAsync(fabric, query));
        var sorted = (await fx.Api().QueryAsync(fabric, inOrder)).Rows.ToJsonString();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "g", "h" } })).ShouldBe(201);
        var run = await fx.Api().QueryAsync(fabric, query);
        Assert.Equal(scanned, Keys(run));
        Assert.Equal(sorted, (await fx.Api().QueryAsync(fabric, inOrder)).Rows.ToJsonString());
        // g1 holds 100 documents, of which h in 10…12 are 6: those are read, and the 2 with h = 13 (index bounds are
        // inclusive, the FILTER decides), not the other 92.
        Assert.Equal(6, run.Rows.Count);
        Assert.Equal(8, run.Stats.Long("scannedIndex"));

        var both = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.g IN ['g0', 'g1'] && d.h == 7 RETURN d._key");
        Assert.Equal(both.Rows.Count, both.Stats.Long("scannedIndex"));
        // A range on the first field leaves the second to the FILTER (and a string range reads every string).
        var firstOnly = await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d.g > 'g1' && d.h == 7 RETURN d._key");
        Assert.Equal(2, firstOnly.Rows.Count);
        Assert.Equal(300, firstOnly.Stats.Long("scannedIndex"));
    }

    private static List<string> Keys(CursorRun run) => run.Rows.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("tags[*][*]")]
    [InlineData("a.b[*].c")]
    public async Task Array_fields_are_refused_with_400_and_nothing_is_created(string field)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var refused = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { field } })).ShouldFail(400, 10);
        Assert.Contains(field, refused.Object.Str("errorMessage"));
        var listed = (await fx.Api().GetAsync(Paths.Fabric(fabric, "index?collection=" + collection))).ShouldBe(200).Object.Arr("indexes");
        Assert.Single(listed);
    }
}
