namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// NEAR, WITHIN, WITHIN_RECTANGLE and FULLTEXT through geo and fulltext indexes, and distance FILTERs through a geo
/// index. What they answer follows ArangoDB's function reference (aql/functions/geo.md#near, #within,
/// #within_rectangle; aql/functions/fulltext.md: comma = and, "|" or, "-" not, "prefix:"); distances are
/// GEO_DISTANCE's great-circle meters on a sphere of 6,371,000 m, so one degree of latitude is 111,194.93 m.
/// </summary>
public sealed class GeoAndFulltextIndexTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private const double OneDegree = 6_371_000 * Math.PI / 180;

    private static string Index(string fabric, string collection) => Paths.Fabric(fabric, "index?collection=" + collection);

    private async Task<(string Fabric, string Collection)> SeedAsync(params object[] documents)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), documents)).ShouldBe(202);
        return (fabric, collection);
    }

    /// <summary>Places on the meridian and the equator as [latitude, longitude] pairs, one without and one with a bad location.</summary>
    private Task<(string Fabric, string Collection)> PairsAsync() => SeedAsync(
        new { _key = "a", loc = new[] { 0.0, 0.0 } },
        new { _key = "b", loc = new[] { 1.0, 0.0 } },
        new { _key = "c", loc = new[] { 2.0, 0.0 } },
        new { _key = "d", loc = new[] { 0.0, 3.0 } },
        new { _key = "e", loc = (double[]?)null },
        new { _key = "f", loc = new[] { 95.0, 0.0 } });

    private async Task<JsonArray> RowsAsync(string fabric, string query) => (await fx.Api().QueryAsync(fabric, query)).Rows;

    [Fact]
    public async Task Near_returns_the_nearest_documents_first_with_their_distance()
    {
        var (fabric, collection) = await PairsAsync();
        (await fx.Api().OpenCursorAsync(fabric, $"RETURN NEAR({collection}, 0, 0)")).ShouldFail(400, 1570);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "geo", fields = new[] { "loc" } })).ShouldBe(201);

        var near = await RowsAsync(fabric, $"FOR d IN NEAR({collection}, 0, 0, 3, 'dist') RETURN [d._key, d.dist]");
        Assert.Equal(["a", "b", "c"], near.Select(r => r![0]!.GetValue<string>()));
        Assert.Equal(0, near[0]![1]!.GetValue<double>(), 3);
        Assert.Equal(OneDegree, near[1]![1]!.GetValue<double>(), 2);
        Assert.Equal(2 * OneDegree, near[2]![1]!.GetValue<double>(), 2);

        var all = await RowsAsync(fabric, $"FOR d IN NEAR({collection}, 0, 2.9) RETURN d._key");
        Assert.Equal(["d", "a", "b", "c"], all.Select(r => r!.GetValue<string>()));
        var noDistance = await RowsAsync(fabric, $"FOR d IN NEAR({collection}, 0, 0, 1) RETURN HAS(d, 'dist')");
        Assert.Equal([false], noDistance.Select(r => r!.GetValue<bool>()));
    }

    [Fact]
    public async Task Within_and_within_rectangle_return_what_lies_inside()
    {
        var (fabric, collection) = await PairsAsync();
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "geo", fields = new[] { "loc" } })).ShouldBe(201);

        var within = await RowsAsync(fabric, $"FOR d IN WITHIN({collection}, 0, 0, 150000, 'm') RETURN [d._key, ROUND(d.m)]");
        Assert.Equal("[[\"a\",0],[\"b\",111195]]", within.ToJsonString());
        Assert.Empty(await RowsAsync(fabric, $"FOR d IN WITHIN({collection}, 50, 50, 1000) RETURN d"));
        var box = await RowsAsync(fabric, $"FOR d IN WITHIN_RECTANGLE({collection}, 1.5, 1, -1, -1) RETURN d._key");
        Assert.Equal(["a", "b"], box.Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task GeoJson_and_two_attribute_indexes_locate_documents_as_their_definition_says()
    {
        var (fabric, collection) = await SeedAsync(
            new { _key = "p", geo = (object)new { type = "Point", coordinates = new[] { 10.0, 1.0 } }, lat = 1.0, lon = 10.0 },
            new { _key = "q", geo = (object)new[] { 10.0, 3.0 }, lat = 3.0, lon = 10.0 },
            new { _key = "r", geo = (object)new { type = "Polygon", coordinates = new[] { new[] { new[] { 9.0, -1.0 }, new[] { 11.0, -1.0 }, new[] { 11.0, 1.0 }, new[] { 9.0, 1.0 }, new[] { 9.0, -1.0 } } } }, lat = 0.0, lon = 10.0 });
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "geo", fields = new[] { "geo" }, geoJson = true })).ShouldBe(201);
        var byShape = await RowsAsync(fabric, $"FOR d IN NEAR({collection}, 0, 10) RETURN d._key");
        Assert.Equal(["r", "p", "q"], byShape.Select(r => r!.GetValue<string>()));

        var (fabric2, collection2) = await SeedAsync(new { _key = "x", lat = 1.0, lon = 10.0 }, new { _key = "y", lat = 0.0, lon = 10.5 }, new { _key = "z", lat = "bad", lon = 0 });
        (await fx.Api().PostAsync(Index(fabric2, collection2), new { type = "geo", fields = new[] { "lat", "lon" } })).ShouldBe(201);
        var byAttributes = await RowsAsync(fabric2, $"FOR d IN NEAR({collection2}, 0, 10) RETURN d._key");
        Assert.Equal(["y", "x"], byAttributes.Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_distance_filter_reads_the_geo_index_and_finds_what_a_scan_finds()
    {
        var documents = Enumerable.Range(0, 90).Select(i => (object)new { _key = "k" + i, loc = new[] { i % 9 * 0.5, i / 9 * 0.5 } })
            .Append(new { _key = "none" }).ToArray();
        var (fabric, collection) = await SeedAsync(documents);
        var query = $"FOR d IN {collection} FILTER GEO_DISTANCE([1, 2], d.loc) <= 120000 SORT GEO_DISTANCE([1, 2], d.loc), d._key RETURN d._key";
        var scanned = await fx.Api().QueryAsync(fabric, query);
        Assert.Equal(0, scanned.Stats.Long("scannedIndex"));
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "geo", fields = new[] { "loc" }, geoJson = true, name = "where" })).ShouldBe(201);

        var indexed = await fx.Api().QueryAsync(fabric, query);
        Assert.Equal(scanned.Rows.ToJsonString(), indexed.Rows.ToJsonString());
        Assert.Equal("none", indexed.Rows[0]!.GetValue<string>());
        Assert.Equal("k38", indexed.Rows[1]!.GetValue<string>());
        Assert.Equal(0, indexed.Stats.Long("scannedFull"));
        Assert.InRange(indexed.Stats.Long("scannedIndex") ?? 0, indexed.Rows.Count, 50);

        var plan = (await fx.Api().PostAsync(Paths.Fabric(fabric, "query/explain"), new { query })).ShouldBe(200).Object.Obj("plan");
        var node = plan.Arr("nodes").Single(n => n.Str("type") == "IndexNode")!;
        Assert.Equal("where", node.Arr("indexes").Single().Str("name"));
        Assert.Equal("geo", node.Arr("indexes").Single().Str("type"));
        Assert.Contains(plan.Arr("nodes"), n => n.Str("type") == "SortNode");
    }

    [Fact]
    public async Task A_distance_filter_over_two_attributes_reads_their_geo_index()
    {
        var documents = Enumerable.Range(0, 40).Select(i => (object)new { _key = "k" + i, lat = i * 0.25, lon = 0 }).ToArray();
        var (fabric, collection) = await SeedAsync(documents);
        var query = $"FOR d IN {collection} FILTER DISTANCE(d.lat, d.lon, 5, 0) < 60000 RETURN d._key";
        var scanned = await RowsAsync(fabric, query);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "geo", fields = new[] { "lat", "lon" } })).ShouldBe(201);
        var indexed = await fx.Api().QueryAsync(fabric, query);
        Assert.Equal(["k18", "k19", "k20", "k21", "k22"], indexed.Rows.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(scanned.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal), indexed.Rows.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.InRange(indexed.Stats.Long("scannedIndex") ?? 0, 5, 7);
    }

    [Fact]
    public async Task Fulltext_finds_words_prefixes_alternatives_and_exclusions()
    {
        var (fabric, collection) = await SeedAsync(
            new { _key = "1", text = "The quick brown fox" },
            new { _key = "2", text = "Quick-thinking foxes" },
            new { _key = "3", text = new[] { "a lazy dog", "sleeps" } },
            new { _key = "4", text = "QUICK dog" },
            new { _key = "5", other = "quick" });
        (await fx.Api().OpenCursorAsync(fabric, $"RETURN FULLTEXT({collection}, 'text', 'quick')")).ShouldFail(400, 1571);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "text" }, minLength = 3 })).ShouldBe(201);

        async Task<string> Keys(string search, string limit = "") =>
            string.Join(",", (await RowsAsync(fabric, $"FOR d IN FULLTEXT({collection}, 'text', '{search}'{limit}) RETURN d._key")).Select(r => r!.GetValue<string>()));
        Assert.Equal("1,2,4", await Keys("quick"));
        Assert.Equal("1,2", await Keys("prefix:fox"));
        Assert.Equal("4", await Keys("quick,dog"));
        Assert.Equal("1,2", await Keys("quick,-dog"));
        Assert.Equal("1,3", await Keys("brown,|sleeps"));
        Assert.Equal("1,2", await Keys("quick", ", 2"));
        Assert.Equal("", await Keys("the"[..2]));
        (await fx.Api().OpenCursorAsync(fabric, $"RETURN FULLTEXT({collection}, 'other', 'quick')")).ShouldFail(400, 1571);
    }
}
