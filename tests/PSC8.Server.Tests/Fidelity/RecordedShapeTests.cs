namespace PSC8.Server.Tests.Fidelity;

/// <summary>
/// Answers whose members follow GDN's recorded ones (issue 18, item 5); each test names the pyC8 cassette
/// (Macrometacorp/pyC8 tests/cassettes/**) its expected shape comes from.
/// </summary>
public sealed class RecordedShapeTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    [Fact]
    public async Task Count_answers_only_the_recorded_members()
    {
        // test_c8ql/test_execute_query: {"error","code","name","isSystem","searchEnabled","id","globallyUniqueId","count"}.
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, collection), new[] { new { a = 1 }, new { a = 2 } })).ShouldBe(202);

        var count = (await Api.GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200);

        Shape.HasExactly(count.Object, "error", "code", "name", "isSystem", "searchEnabled", "id", "globallyUniqueId", "count");
        Assert.Equal(2, count.Json.Long("count"));
    }

    [Fact]
    public async Task Creating_a_collection_answers_objectId_and_keyOptions_lastValue()
    {
        // test_cursor/test_cursor_from_execute_query: "objectId":"786933", "keyOptions":{"allowUserKeys":true,"type":"traditional","lastValue":0}.
        var fabric = await Fx.CreateFabricAsync();
        var created = (await Api.PostAsync(Paths.Collections(fabric), new { name = C8HostFixture.Unique("c"), keyOptions = new { type = "traditional" } })).ShouldBe(200);

        Assert.NotNull(created.Json.Str("objectId"));
        Assert.Equal(0, created.Object.Obj("keyOptions").Long("lastValue"));
        Assert.Equal("DOC", created.Json.Str("collectionModel"));
        Assert.Equal("loaded", created.Json.Str("statusString"));
    }

    [Fact]
    public async Task Figures_say_collectionModel_0_and_carry_neither_status_nor_type()
    {
        // test_collection/test_collection_figures: "collectionModel":0 next to count, figures and keyOptions.
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);

        var figures = (await Api.GetAsync(Paths.Collection(fabric, collection, "figures"))).ShouldBe(200);

        Assert.Equal(0, figures.Json.Long("collectionModel"));
        Assert.False(figures.Json.Has("status"));
        Assert.False(figures.Json.Has("type"));
        Assert.Equal(0, figures.Json.Long("count"));
        Shape.HasExactly(figures.Object.Obj("figures"), "indexes", "viewIndexes", "documentsSize", "cacheInUse", "cacheSize", "cacheUsage");
    }

    [Fact]
    public async Task Updating_a_RestQL_worker_answers_key_value_and_sqlValue()
    {
        // test_query_workers/test_restql_methods: PUT restql/insertRecord -> {"result":{"_key","sqlValue","value"}}.
        var fabric = await Fx.CreateFabricAsync();
        (await Api.PostAsync(Paths.Fabric(fabric, "restql"), new { query = new { name = "one", value = "RETURN 1" } })).ShouldBe(200);

        var updated = (await Api.PutAsync(Paths.Fabric(fabric, "restql/one"), new { query = new { value = "RETURN 2" } })).ShouldBe(200);

        Shape.HasExactly(updated.Result.AsObject(), "_key", "value", "sqlValue");
        Assert.Equal("RETURN 2", updated.Result.Str("value"));
        Assert.EndsWith($".{fabric}.one", updated.Result.Str("_key"));
    }

    [Fact]
    public async Task Patching_a_user_answers_its_apikey_too()
    {
        // test_user/test_user_management: PATCH /_api/user/{id} -> user, tenant, email, active, apikey{hash,parent}, extra, displayName.
        var email = C8HostFixture.Unique("u") + "@example.test";
        var user = (await Api.PostAsync("/_api/user", new { email, passwd = "Secret-123" })).ShouldBe(201).Json.Str("user")!;

        var patched = (await Api.PatchAsync($"/_api/user/{user}", new { active = false, extra = new { bar = "baz" } })).ShouldBe(200);

        Shape.HasExactly(patched.Object, "error", "code", "user", "tenant", "email", "active", "apikey", "extra", "displayName");
        Shape.HasExactly(patched.Object.Obj("apikey"), "hash", "parent");
        Assert.False(patched.Json.Bool("active"));
    }

    [Fact]
    public async Task Datacenters_carry_spot_region_and_a_filled_locationInfo()
    {
        // test_fabric/test_datacenter: datacenter/all and /local items have _key, host, local, name, spot_region, status,
        // tags{api,url} and locationInfo{city,countrycode,countryname,latitude,longitude,url}; datacenter/{name} lacks _key, host, spot_region.
        var all = (await Api.GetAsync("/_api/datacenter/all")).ShouldBe(200).Array;
        foreach (var item in all.Select(i => i!.AsObject()))
        {
            Shape.HasExactly(item, "_key", "host", "local", "name", "spot_region", "status", "tags", "locationInfo");
            var location = item.Obj("locationInfo");
            Shape.HasExactly(location, "city", "countrycode", "countryname", "latitude", "longitude", "url");
            Assert.True(double.TryParse(location.Str("latitude"), System.Globalization.CultureInfo.InvariantCulture, out _), location.ToJsonString());
            Assert.NotEqual("", location.Str("countrycode"));
        }
        var one = (await Api.GetAsync($"/_api/datacenter/{Dc.EuCentral}")).ShouldBe(200).Object;
        Shape.HasExactly(one, "local", "name", "status", "tags", "locationInfo");
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_stale_rev_in_a_batch_is_an_item_conflict_1200(string method)
    {
        // test_document/test_document_{update,replace,delete}_many (sent with ignoreRevs=0):
        // 202 with [{"error":true,"errorNum":1200,"errorMessage":"conflict"}, …].
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, collection), new[] { new { _key = "1" }, new { _key = "2" } })).ShouldBe(202);

        var stale = new[] { new { _key = "1", _rev = "_stale_rev_0" }, new { _key = "2", _rev = "_stale_rev_1" } };
        var answer = (await Api.SendAsync(new HttpMethod(method), Paths.Documents(fabric, collection, "ignoreRevs=0"), stale)).ShouldBe(202);

        Assert.All(answer.Array, item => Shape.HasExactly(item!.AsObject(), "error", "errorNum", "errorMessage"));
        Assert.All(answer.Array, item => Assert.Equal("conflict", item.Str("errorMessage")));
        Assert.All(answer.Array, item => Assert.Equal(1200, item.Long("errorNum")));
    }

    [Fact]
    public async Task Export_leaves_out_id_and_rev()
    {
        // test_document/test_document_export: each exported document has _key and its own attributes only.
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, collection), new { _key = "k", v = 1 })).ShouldBe(202);

        var exported = (await Api.GetAsync(Paths.Fabric(fabric, $"export/{collection}"))).ShouldBe(200);

        Shape.HasExactly(exported.Result.AsArray().Single()!.AsObject(), "_key", "v");
    }

    [Fact]
    public async Task Import_answers_created_errors_unprocessed_and_details()
    {
        // test_cursor/*: POST import/{c} {"data":[…],"details":true} -> {"created","errors","unprocessed","details":{"errors","unprocessed"}}.
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        var data = new JsonArray(new JsonObject { ["_key"] = "1" }, new JsonObject { ["_key"] = "1" });

        var imported = (await Api.PostAsync(Paths.Fabric(fabric, $"import/{collection}"), new JsonObject { ["data"] = data, ["details"] = true })).ShouldBe(200);

        Shape.HasExactly(imported.Result.AsObject(), "created", "errors", "unprocessed", "details");
        Shape.HasExactly(imported.Result.Obj("details"), "errors", "unprocessed");
        Assert.Equal(1, imported.Result.Long("created"));
        Assert.Equal(1210, imported.Result.Obj("details").Arr("errors").Single().Long("errorNumber"));
    }

    [Fact]
    public async Task Clearing_a_collection_grant_of_a_collection_that_is_not_there_is_1203_before_the_user_is_looked_up()
    {
        // test_permission/test_permission_exceptions: DELETE /_api/user/{unknown}/database/_system/collection/{absent}
        // -> 404 {"errorMessage":"collection or view not found","errorNum":1203}; the PUT and GET twins answer 1703.
        var fabric = await Fx.CreateFabricAsync();
        var path = $"/_api/user/nobody_here/database/{fabric}/collection/absent";

        (await Api.DeleteAsync(path)).ShouldFail(404, 1203);
        (await Api.GetAsync(path)).ShouldFail(404, 1703);
        (await Api.PutAsync(path, new { grant = "rw" })).ShouldFail(404, 1703);
    }
}
