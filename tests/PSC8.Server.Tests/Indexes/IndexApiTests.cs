namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// The index API: create (generic and typed paths), list, get, drop, and GDN's rules. Expected answers come from
/// pyC8's recordings of GDN, Macrometacorp/pyC8 tests/cassettes/test_index/*.yaml and
/// tests/e2e/cassettes/test_collection/test_collection_indexes.yaml.
/// </summary>
public sealed class IndexApiTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static string Index(string fabric, string? collection = null, string? rest = null) =>
        Paths.Fabric(fabric, "index" + (rest is null ? "" : "/" + rest) + (collection is null ? "" : "?collection=" + collection));

    [Fact]
    public async Task A_new_collection_lists_only_its_primary_index()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var list = (await fx.Api().GetAsync(Index(fabric, collection))).ShouldBe(200).Object;
        var primary = list.Arr("indexes").Single()!;
        // test_list_indexes: the primary index is "coll/0", named primary, unique, over _key.
        Assert.Equal($"{collection}/0", primary.Str("id"));
        Assert.Equal("primary", primary.Str("name"));
        Assert.Equal("primary", primary.Str("type"));
        Assert.True(primary.Bool("unique"));
        Assert.False(primary.Bool("sparse"));
        Assert.Equal(["_key"], primary.Arr("fields").Strings());
        Assert.True(list.Obj("identifiers").ContainsKey($"{collection}/0"));

        var got = (await fx.Api().GetAsync(Index(fabric, rest: $"{collection}/primary"))).ShouldBe(200).Object;
        Assert.Equal($"{collection}/0", got.Str("id"));
    }

    [Theory]
    [InlineData("persistent")]
    [InlineData("hash")]
    [InlineData("skiplist")]
    public async Task A_persistent_index_answers_201_then_200_when_asked_again(string type)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var body = new { type, fields = new[] { "attr1", "attr2" }, unique = false, sparse = true, deduplicate = true };
        var created = (await fx.Api().PostAsync(Index(fabric, collection), body)).ShouldBe(201).Object;
        // test_add_hash_index / test_add_skiplist_index: the type comes back as given, with deduplicate and isNewlyCreated.
        Assert.Equal(type, created.Str("type"));
        Assert.Equal(["attr1", "attr2"], created.Arr("fields").Strings());
        Assert.True(created.Bool("sparse"));
        Assert.False(created.Bool("unique"));
        Assert.True(created.Bool("deduplicate"));
        Assert.True(created.Bool("isNewlyCreated"));
        Assert.StartsWith($"{collection}/", created.Str("id"));
        Assert.StartsWith("idx_", created.Str("name"));

        var again = (await fx.Api().PostAsync(Index(fabric, collection), body)).ShouldBe(200).Object;
        Assert.Equal(created.Str("id"), again.Str("id"));
        Assert.False(again.Bool("isNewlyCreated"));
        Assert.Equal(2, (await fx.Api().GetAsync(Index(fabric, collection))).ShouldBe(200).Object.Arr("indexes").Count);
    }

    [Theory]
    [InlineData("persistent", """{"fields":["a"]}""")]
    [InlineData("ttl", """{"fields":["at"],"expireAfter":60}""")]
    [InlineData("geo", """{"fields":["lat","lng"]}""")]
    [InlineData("fulltext", """{"fields":["text"],"minLength":3}""")]
    [InlineData("hash", """{"fields":["a"]}""")]
    [InlineData("skiplist", """{"fields":["a"]}""")]
    public async Task Each_typed_path_creates_its_type(string type, string body)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var json = JsonNode.Parse(body)!.AsObject();
        json["type"] = type;
        var created = (await fx.Api().PostAsync(Index(fabric, collection, type), json)).ShouldBe(201).Object;
        Assert.Equal(type, created.Str("type"));
        var got = (await fx.Api().GetAsync(Index(fabric, rest: created.Str("id")))).ShouldBe(200).Object;
        Assert.Equal(created.Str("name"), got.Str("name"));
    }

    [Fact]
    public async Task Ttl_geo_and_fulltext_indexes_carry_their_attributes()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        // test_add_ttl_index: expireAfter echoed, sparse true.
        var ttl = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "ttl", fields = new[] { "attr1" }, expireAfter = 1, inBackground = false })).ShouldBe(201).Object;
        Assert.Equal(1, ttl.Long("expireAfter"));
        Assert.True(ttl.Bool("sparse"));
        // test_add_geo_index: geoJson false, levels and cover cells.
        var geo = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "geo", fields = new[] { "attr1" }, geoJson = false })).ShouldBe(201).Object;
        Assert.False(geo.Bool("geoJson"));
        Assert.Equal(17, geo.Long("bestIndexedLevel"));
        Assert.Equal(4, geo.Long("worstIndexedLevel"));
        Assert.Equal(8, geo.Long("maxNumCoverCells"));
        // test_add_fulltext_index: minLength echoed.
        var fulltext = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "attr1" }, minLength = 10 })).ShouldBe(201).Object;
        Assert.Equal(10, fulltext.Long("minLength"));
    }

    [Theory]
    [InlineData("""{"type":"ttl","fields":["a","b"],"expireAfter":0}""")]
    [InlineData("""{"type":"fulltext","fields":["a","b"]}""")]
    [InlineData("""{"type":"geo","fields":["a","b","c"]}""")]
    public async Task A_wrong_number_of_attributes_is_400_10(string body)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var r = (await fx.Api().PostAsync(Index(fabric, collection), JsonNode.Parse(body))).ShouldFail(400, 10);
        // test_add_ttl_index, test_add_fulltext_index, test_add_geo_index.
        Assert.Equal("invalid number of index attributes", r.Json.Str("errorMessage"));
    }

    [Theory]
    [InlineData("""{"type":"persistent","fields":["_id"]}""")]
    [InlineData("""{"type":"persistent","fields":[]}""")]
    [InlineData("""{"type":"persistent"}""")]
    [InlineData("""{"type":"cap","fields":["a"]}""")]
    [InlineData("""{"fields":["a"]}""")]
    [InlineData("""{"type":"ttl","fields":["a"]}""")]
    [InlineData("""{"type":"persistent","fields":["a","a"]}""")]
    public async Task Bad_definitions_are_400_10(string body)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Index(fabric, collection), JsonNode.Parse(body))).ShouldFail(400, 10);
        Assert.Single((await fx.Api().GetAsync(Index(fabric, collection))).ShouldBe(200).Object.Arr("indexes"));
    }

    [Fact]
    public async Task Unique_is_refused_on_global_collections_with_GDNs_400()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var r = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "attr1", "attr2" }, unique = true, sparse = true }))
            .ShouldFail(400, 400);
        // test_add_persistent_index: the recorded message.
        Assert.Equal("Invalid attribute: unique. Not allowed for global collections.", r.Json.Str("errorMessage"));
    }

    [Theory]
    [InlineData("isSpot")]
    [InlineData("isLocal")]
    public async Task Unique_is_allowed_where_one_region_decides(string kind)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new Dictionary<string, object> { [kind] = true });
        var created = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "email" }, unique = true })).ShouldBe(201).Object;
        Assert.True(created.Bool("unique"));

        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new { email = "a@example.com" })).ShouldBe(202);
        var r = (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new { email = "a@example.com" })).ShouldFail(409, 1210);
        Assert.Contains("unique constraint violated", r.Json.Str("errorMessage"));
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new { email = "b@example.com" })).ShouldBe(202);
    }

    [Fact]
    public async Task A_unique_index_over_repeated_values_is_not_built()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new { isLocal = true });
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new[] { new { n = 1 }, new { n = 1 } })).ShouldBe(202);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "n" }, unique = true })).ShouldFail(409, 1210);
        Assert.Single((await fx.Api().GetAsync(Index(fabric, collection))).ShouldBe(200).Object.Arr("indexes"));
    }

    [Fact]
    public async Task Drop_by_name_or_id_then_404_1212()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var first = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "hash", fields = new[] { "attr3", "attr4" }, unique = false })).ShouldBe(201).Object;
        var second = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "x" }, name = "by_x" })).ShouldBe(201).Object;
        Assert.Equal("by_x", second.Str("name"));

        // test_delete_index: DELETE …/index/{collection}/{name} answers the id, a second time 404/1212.
        var dropped = (await fx.Api().DeleteAsync(Index(fabric, rest: $"{collection}/{first.Str("name")}"))).ShouldBe(200).Object;
        Assert.Equal(first.Str("id"), dropped.Str("id"));
        var again = (await fx.Api().DeleteAsync(Index(fabric, rest: $"{collection}/{first.Str("name")}"))).ShouldFail(404, 1212);
        Assert.Equal("index not found", again.Json.Str("errorMessage"));
        (await fx.Api().DeleteAsync(Index(fabric, rest: second.Str("id")))).ShouldBe(200);
        (await fx.Api().GetAsync(Index(fabric, rest: second.Str("id")))).ShouldFail(404, 1212);
        (await fx.Api().DeleteAsync(Index(fabric, rest: $"{collection}/primary"))).ShouldFail(403, 11);
    }

    [Fact]
    public async Task A_name_taken_by_another_index_is_409_1207()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "a" }, name = "mine" })).ShouldBe(201);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "b" }, name = "mine" })).ShouldFail(409, 1207);
    }

    [Fact]
    public async Task Unknown_collection_is_404_1203_and_a_missing_one_400()
    {
        var fabric = await fx.CreateFabricAsync();
        (await fx.Api().GetAsync(Index(fabric, "nope"))).ShouldFail(404, 1203);
        (await fx.Api().PostAsync(Index(fabric, "nope"), new { type = "persistent", fields = new[] { "a" } })).ShouldFail(404, 1203);
        (await fx.Api().GetAsync(Index(fabric))).ShouldFail(400, 10);
        (await fx.Anonymous().GetAsync(Index(fabric, "nope"))).ShouldFail(401, 11);
    }

    [Fact]
    public async Task An_index_is_in_every_region_and_dropping_the_collection_drops_it()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var created = (await fx.Api(Dc.UsWest).PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "a" } })).ShouldBe(201).Object;
        foreach (var region in Dc.All)
        {
            var listed = (await fx.Api(region).GetAsync(Index(fabric, collection))).ShouldBe(200).Object.Arr("indexes");
            Assert.Contains(listed, i => i.Str("id") == created.Str("id"));
        }
        (await fx.Api().DeleteAsync(Paths.Collection(fabric, collection))).ShouldBe(200);
        await fx.CreateCollectionAsync(fabric);
        (await fx.Api().GetAsync(Index(fabric, rest: created.Str("id")))).ShouldFail(404, 1203);
    }
}
