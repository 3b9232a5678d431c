namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// Array indexes (a persistent index on <c>attribute[*]</c>, ArangoDB's indexing/working-with-indexes/indexing-arrays.md):
/// an entry per member of the array, so <c>FILTER value IN d.tags</c> reads only the documents whose array has the
/// value, with the rows the unindexed FILTER gives.
/// </summary>
public sealed class ArrayIndexTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static string Index(string fabric, string collection) => Paths.Fabric(fabric, "index?collection=" + collection);

    private static readonly object[] Members = ["x", "y", 2, 2.0, true, (object)null!, new[] { "x" }];

    private static JsonArray Documents(int count, int seed)
    {
        var random = new Random(seed);
        JsonNode? Member() => random.Next(8) switch { 0 => "x", 1 => "y", 2 => 2, 3 => true, 4 => null, 5 => new JsonArray("x"), 6 => "X", _ => 7 };
        return new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["_key"] = "k" + i.ToString("D3"),
            ["tags"] = (i % 9) switch
            {
                0 => "x",
                1 => null,
                2 => new JsonObject { ["x"] = 1 },
                _ => new JsonArray(Enumerable.Range(0, random.Next(5)).Select(_ => Member()).ToArray()),
            },
            ["meta"] = new JsonObject { ["tags"] = new JsonArray(Member(), Member()) },
        }).ToArray());
    }

    private static string Query(string collection, string attribute) => $"FOR d IN {collection} FILTER @member IN d.{attribute} RETURN d._key";

    private async Task<CursorRun> RunAsync(string region, string fabric, string collection, string attribute, object? member) =>
        await fx.Api(region).QueryAsync(fabric, Query(collection, attribute), new { bindVars = new { member } });

    [Fact]
    public async Task In_on_an_indexed_array_reads_only_the_documents_that_have_the_member()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), Documents(200, seed: 3))).ShouldBe(202);
        var scanned = new Dictionary<(string, int), string>();
        foreach (var attribute in new[] { "tags", "meta.tags" })
        {
            for (var i = 0; i < Members.Length; i++)
            {
                scanned[(attribute, i)] = (await RunAsync(Dc.UsWest, fabric, collection, attribute, Members[i])).Rows.ToJsonString();
            }
        }
        var created = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "tags[*]" }, name = "by_tag" })).ShouldBe(201).Object;
        Assert.Equal(["tags[*]"], created.Arr("fields").Strings());
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "meta.tags[*]" } })).ShouldBe(201);

        foreach (var attribute in new[] { "tags", "meta.tags" })
        {
            for (var i = 0; i < Members.Length; i++)
            {
                var run = await RunAsync(Dc.UsWest, fabric, collection, attribute, Members[i]);
                Assert.Equal(scanned[(attribute, i)], run.Rows.ToJsonString());
                if (Members[i] is string[])
                {
                    // An array member is equal to arrays of other text: the collection is scanned.
                    Assert.Equal(200, run.Stats.Long("scannedFull"));
                    continue;
                }
                Assert.Equal(0, run.Stats.Long("scannedFull"));
                Assert.Equal(run.Rows.Count, run.Stats.Long("scannedIndex"));
            }
        }
        var plan = (await fx.Api().PostAsync(Paths.Fabric(fabric, "query/explain"), new { query = Query(collection, "tags"), bindVars = new { member = "x" } })).ShouldBe(200).Object.Obj("plan");
        var node = plan.Arr("nodes").Single(n => n.Str("type") == "IndexNode")!;
        Assert.Equal("by_tag", node.Arr("indexes").Single().Str("name"));
        Assert.Equal(["tags[*]"], node.Arr("indexes").Single().Arr("fields").Strings());
    }

    [Fact]
    public async Task Writes_in_any_region_keep_every_regions_copy_up_to_date()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "tags[*]" } })).ShouldBe(201);
        (await fx.Api(Dc.EuCentral).PostAsync(Paths.Documents(fabric, collection), new object[]
        {
            new { _key = "a", tags = new[] { "red", "red", "blue" } },
            new { _key = "b", tags = new[] { "blue" } },
            new { _key = "c", tags = new[] { "green" } },
        })).ShouldBe(202);
        await fx.DrainAsync();
        (await fx.Api(Dc.ApSouth).PatchAsync(Paths.Document(fabric, collection, "b"), new { tags = new[] { "red" } })).ShouldBe(202);
        (await fx.Api(Dc.UsWest).DeleteAsync(Paths.Document(fabric, collection, "a"))).ShouldBe(202);
        await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER d._key == 'c' UPDATE d WITH {{ tags: ['red', 'green'] }} IN {collection}");
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            var red = await RunAsync(region, fabric, collection, "tags", "red");
            Assert.Equal(["b", "c"], red.Rows.Select(r => r!.GetValue<string>()));
            Assert.Equal(2, red.Stats.Long("scannedIndex"));
            Assert.Empty((await RunAsync(region, fabric, collection, "tags", "blue")).Rows);
        }
    }

    [Theory]
    [InlineData("""{"type":"persistent","fields":["tags[*]"],"unique":true}""")]
    [InlineData("""{"type":"persistent","fields":["tags[*]","n"]}""")]
    [InlineData("""{"type":"persistent","fields":["a.[*]"]}""")]
    [InlineData("""{"type":"fulltext","fields":["tags[*]"]}""")]
    public async Task Other_array_indexes_are_refused_with_400(string body)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Index(fabric, collection), JsonNode.Parse(body))).ShouldFail(400, 10);
    }
}
