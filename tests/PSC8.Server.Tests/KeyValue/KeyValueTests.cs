namespace PSC8.Server.Tests.KeyValue;

/// <summary>
/// Key-value collections, every operation of /_api/kv with its success and failure answers. Expected shapes and
/// error numbers are those of pyC8's recordings of the real service (tests/cassettes/test_keyvalue/
/// test_keyvalue_methods.yaml and test_keyvalue_exceptions.yaml) and of jsC8's src/test/34-keyvalue.ts.
/// </summary>
public sealed class KeyValueTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    private static string Kv(string fabric, string rest = "") => Paths.Fabric(fabric, "kv" + rest);

    private async Task<(string Fabric, string Name)> CreateAsync(bool expiration = false)
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = C8HostFixture.Unique("kv");
        var created = (await Api.PostAsync(Kv(fabric, $"/{name}?expiration={expiration}"))).ShouldBe(200).Object;
        Assert.Equal($$"""{"error":false,"code":200,"name":"{{name}}"}""", created.ToJsonString());
        return (fabric, name);
    }

    private static object[] Pairs(params (string Key, object Value)[] pairs) => pairs.Select(p => (object)new { _key = p.Key, value = p.Value }).ToArray();

    [Fact]
    public async Task Create_list_and_drop_answer_as_the_recordings_show()
    {
        var (fabric, name) = await CreateAsync();
        (await Api.PostAsync(Kv(fabric, "/timed?expiration=true"))).ShouldBe(200);

        var listed = (await Api.GetAsync(Kv(fabric))).ShouldBe(200).Result.AsArray();
        Assert.Contains(listed, c => c.Str("name") == name && c.Bool("expiration") == false);
        Assert.Contains(listed, c => c.Str("name") == "timed" && c.Bool("expiration") == true);

        // A KV collection is a collection with collectionModel KV (test_permission_exceptions.yaml lists one).
        var info = (await Api.GetAsync(Paths.Collection(fabric, name))).ShouldBe(200);
        Assert.Equal("KV", info.Json.Str("collectionModel"));

        (await Api.PostAsync(Kv(fabric, $"/{name}"))).ShouldFail(409, 1207);
        (await Api.PostAsync(Kv(fabric, "/_bad"))).ShouldFail(400, 1208);

        var dropped = (await Api.DeleteAsync(Kv(fabric, $"/{name}"))).ShouldBe(200).Object;
        Assert.Equal($$"""{"error":false,"code":200,"name":"{{name}}"}""", dropped.ToJsonString());
        Assert.DoesNotContain((await Api.GetAsync(Kv(fabric))).ShouldBe(200).Result.AsArray(), c => c.Str("name") == name);
        (await Api.GetAsync(Paths.Collection(fabric, name))).ShouldFail(404, 1203);
    }

    [Fact]
    public async Task Every_operation_on_a_missing_fabric_or_collection_fails_as_GDN_does()
    {
        (await Api.PostAsync(Kv("nofabric", "/c"))).ShouldFail(404, 1228);
        (await Api.GetAsync(Kv("nofabric"))).ShouldFail(404, 1228);

        var fabric = await Fx.CreateFabricAsync();
        var document = await Fx.CreateCollectionAsync(fabric);
        foreach (var name in new[] { "missing", document })
        {
            (await Api.DeleteAsync(Kv(fabric, $"/{name}"))).ShouldFail(404, 101000);
            (await Api.PostAsync(Kv(fabric, $"/{name}/values"))).ShouldFail(404, 101000);
            (await Api.GetAsync(Kv(fabric, $"/{name}/value/1"))).ShouldFail(404, 101000);
            (await Api.GetAsync(Kv(fabric, $"/{name}/keys"))).ShouldFail(404, 101000);
            (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldFail(404, 101000);
            (await Api.DeleteAsync(Kv(fabric, $"/{name}/values"), new[] { "1" })).ShouldFail(404, 101000);
            (await Api.DeleteAsync(Kv(fabric, $"/{name}/value/3"))).ShouldFail(404, 101000);
            (await Api.PutAsync(Kv(fabric, $"/{name}/truncate"))).ShouldFail(404, 101000);
            (await Api.PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("1", "x")))).ShouldFail(404, 101000);
        }
        var failed = (await Api.DeleteAsync(Kv(fabric, "/missing"))).Object;
        Assert.Equal("KV collection not found", failed.Str("errorMessage"));
    }

    [Fact]
    public async Task Put_get_values_keys_count_delete_and_truncate_follow_the_recorded_flow()
    {
        var (fabric, name) = await CreateAsync();
        var put = (await Api.PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("1", "foo"), ("2", "bar"), ("3", "foobar")))).ShouldBe(202).Array;
        Assert.Equal(["1", "2", "3"], put.Select(p => p.Str("_key")!));
        Assert.All(put, p => Assert.Equal($"{name}/{p.Str("_key")}", p.Str("_id")));
        Assert.All(put, p => Assert.False(string.IsNullOrEmpty(p.Str("_rev"))));

        var values = (await Api.PostAsync(Kv(fabric, $"/{name}/values"))).ShouldBe(200).Object;
        Assert.Equal("""{"error":false,"code":200,"result":[{"_key":"1","value":"foo","expireAt":null},{"_key":"2","value":"bar","expireAt":null},{"_key":"3","value":"foobar","expireAt":null}]}""",
            values.ToJsonString());
        var page = (await Api.PostAsync(Kv(fabric, $"/{name}/values?offset=1&limit=1"))).ShouldBe(200).Result.AsArray();
        Assert.Equal("bar", Assert.Single(page).Str("value"));
        // jsC8's getKVCollectionValues posts the keys it wants.
        var chosen = (await Api.PostAsync(Kv(fabric, $"/{name}/values"), new[] { "3", "nope", "1" })).ShouldBe(200).Result.AsArray();
        Assert.Equal(["3", "1"], chosen.Select(p => p.Str("_key")!));

        var one = (await Api.GetAsync(Kv(fabric, $"/{name}/value/1"))).ShouldBe(200);
        Assert.Equal(["_id", "_key", "_rev", "value"], one.Object.Select(p => p.Key));
        Assert.Equal("foo", one.Json.Str("value"));
        Assert.Equal($"\"{one.Json.Str("_rev")}\"", one.Header("ETag"));
        (await Api.GetAsync(Kv(fabric, $"/{name}/value/9"))).ShouldFail(404, 1202);

        Assert.Equal("""{"error":false,"code":200,"result":["1","2","3"]}""", (await Api.GetAsync(Kv(fabric, $"/{name}/keys"))).ShouldBe(200).Object.ToJsonString());
        Assert.Equal(["3", "2"], (await Api.GetAsync(Kv(fabric, $"/{name}/keys?order=desc&limit=2"))).ShouldBe(200).Result.Strings());
        Assert.Equal(["2"], (await Api.GetAsync(Kv(fabric, $"/{name}/keys?offset=1&limit=1&order=asc"))).ShouldBe(200).Result.Strings());
        (await Api.GetAsync(Kv(fabric, $"/{name}/keys?order=sideways"))).ShouldFail(400, 10);
        (await Api.GetAsync(Kv(fabric, $"/{name}/keys?limit=101"))).ShouldFail(400, 10);

        Assert.Equal($$"""{"error":false,"code":200,"name":"{{name}}","count":3}""", (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Object.ToJsonString());

        // pyC8's delete_entry_for_keys sends the pairs it put; jsC8's deleteEntryForKeys sends the keys.
        var removed = (await Api.DeleteAsync(Kv(fabric, $"/{name}/values"), Pairs(("1", "foo"), ("2", "bar")))).ShouldBe(202).Array;
        Assert.Equal(["1", "2"], removed.Select(p => p.Str("_key")!));
        var mixed = (await Api.DeleteAsync(Kv(fabric, $"/{name}/values"), new[] { "3", "1" })).ShouldBe(202).Array;
        Assert.Equal("3", mixed[0].Str("_key"));
        Assert.Equal(1202, mixed[1].Long("errorNum"));
        Assert.Equal(0, (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Json.Long("count"));

        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("1", "foo"), ("2", "bar"), ("3", "foobar")))).ShouldBe(202);
        var single = (await Api.DeleteAsync(Kv(fabric, $"/{name}/value/3"))).ShouldBe(202).Object;
        Assert.Equal(["_id", "_key", "_rev"], single.Select(p => p.Key));
        (await Api.DeleteAsync(Kv(fabric, $"/{name}/value/3"))).ShouldFail(404, 1202);
        Assert.Equal(2, (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Json.Long("count"));

        Assert.Equal($$"""{"error":false,"code":200,"name":"{{name}}"}""", (await Api.PutAsync(Kv(fabric, $"/{name}/truncate"))).ShouldBe(200).Object.ToJsonString());
        Assert.Equal(0, (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Json.Long("count"));
        Assert.Empty((await Api.PostAsync(Kv(fabric, $"/{name}/values?offset=0&limit=2"))).ShouldBe(200).Result.AsArray());
    }

    [Fact]
    public async Task A_put_replaces_existing_pairs_generates_missing_keys_and_takes_any_JSON_value()
    {
        var (fabric, name) = await CreateAsync();
        var first = (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new { _key = "kv", value = new { val = 123 }, expireAt = 0 })).ShouldBe(202).Object;
        var again = (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new[] { new { _key = "kv", value = (object)new[] { 1, 2 } } })).ShouldBe(202).Array;
        Assert.Equal(first.Str("_rev"), again[0].Str("_oldrev"));
        var generated = (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new[] { new { value = 5 } })).ShouldBe(202).Array[0]!.Str("_key");
        Assert.False(string.IsNullOrEmpty(generated));

        Assert.Equal("[1,2]", (await Api.GetAsync(Kv(fabric, $"/{name}/value/kv"))).ShouldBe(200).Json!["value"]!.ToJsonString());
        Assert.Equal(5, (await Api.GetAsync(Kv(fabric, $"/{name}/value/{generated}"))).ShouldBe(200).Json.Long("value"));
    }

    [Fact]
    public async Task A_bad_put_is_refused_whole_and_writes_nothing()
    {
        var (fabric, name) = await CreateAsync();
        // test_keyvalue_exceptions.yaml: pairs without a value are 403 with errorNum 400, "Missing value.".
        var missing = (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new object[] { new { _key = "ok", value = 1 }, new { _key = "2" } })).ShouldFail(403, 400);
        Assert.Equal("Missing value.", missing.Json.Str("errorMessage"));
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new[] { new { _key = "a/b", value = 1 } })).ShouldFail(400, 1221);
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new[] { new { _key = "a", value = 1, expireAt = "soon" } })).ShouldFail(400, 10);
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new[] { 7 })).ShouldFail(400, 10);
        (await Api.DeleteAsync(Kv(fabric, $"/{name}/values"), new { keys = 1 })).ShouldFail(400, 10);
        (await Api.PostAsync(Kv(fabric, $"/{name}/values"), new { keys = 1 })).ShouldFail(400, 10);
        (await Api.DeleteAsync(Kv(fabric, $"/{name}/values"), Enumerable.Range(0, 1001).Select(i => i.ToString()).ToArray())).ShouldFail(400, 10);
        (await Api.GetAsync(Kv(fabric, $"/{name}/count?groupID=g"))).ShouldFail(400, 10);
        Assert.Equal(0, (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Expired_pairs_are_never_returned()
    {
        var (fabric, name) = await CreateAsync(expiration: true);
        var past = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 10;
        var future = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new object[]
        {
            new { _key = "old", value = 1, expireAt = past },
            new { _key = "later", value = 2, expireAt = future },
            new { _key = "never", value = 3, expireAt = -1 },
            new { _key = "unset", value = 4 },
        })).ShouldBe(202);

        Assert.Equal(["later", "never", "unset"], (await Api.GetAsync(Kv(fabric, $"/{name}/keys"))).ShouldBe(200).Result.Strings());
        Assert.Equal(3, (await Api.GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Json.Long("count"));
        (await Api.GetAsync(Kv(fabric, $"/{name}/value/old"))).ShouldFail(404, 1202);
        (await Api.DeleteAsync(Kv(fabric, $"/{name}/value/old"))).ShouldFail(404, 1202);
        var values = (await Api.PostAsync(Kv(fabric, $"/{name}/values"))).ShouldBe(200).Result.AsArray();
        Assert.Equal([future, -1, -1], values.Select(v => v.Long("expireAt")!.Value));
        Assert.Equal(future, (await Api.GetAsync(Kv(fabric, $"/{name}/value/later"))).ShouldBe(200).Json.Long("expireAt"));
        Assert.Empty((await Api.PostAsync(Kv(fabric, $"/{name}/values"), new[] { "old" })).ShouldBe(200).Result.AsArray());
    }

    [Fact]
    public async Task Expired_pairs_are_removed_in_the_background_in_every_region()
    {
        var (fabric, name) = await CreateAsync(expiration: true);
        var soon = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1;
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), new object[] { new { _key = "brief", value = 1, expireAt = soon }, new { _key = "kept", value = 2 } })).ShouldBe(202);
        await Fx.DrainAsync();
        var id = Fx.Host.Cluster.Catalog.FindCollection(fabric, name)!.Id;
        Assert.All(Dc.All, region => Assert.Equal(2, Fx.Host.Cluster.Region(region).Store.Read(r => r.Count(id))));

        // Stored counts, not what reads show: the removal itself is what reaches the other regions.
        foreach (var region in Dc.All)
        {
            await Eventually.WaitForAsync(() => Task.FromResult(Fx.Host.Cluster.Region(region).Store.Read(r => r.Count(id))),
                n => n == 1, TimeSpan.FromSeconds(20), $"the expired pair removed from {region}'s store");
        }
        Assert.Equal(["kept"], (await Fx.Api(Dc.ApSouth).GetAsync(Kv(fabric, $"/{name}/keys"))).ShouldBe(200).Result.Strings());
    }

    [Fact]
    public async Task Pairs_replicate_to_every_region_like_documents()
    {
        var (fabric, name) = await CreateAsync();
        (await Fx.Api(Dc.EuCentral).PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("a", "from-eu")))).ShouldBe(202);
        await Fx.DrainAsync();
        Assert.Equal("from-eu", (await Fx.Api(Dc.ApSouth).GetAsync(Kv(fabric, $"/{name}/value/a"))).ShouldBe(200).Json.Str("value"));

        (await Fx.Api(Dc.ApSouth).DeleteAsync(Kv(fabric, $"/{name}/value/a"))).ShouldBe(202);
        (await Fx.Api(Dc.ApSouth).PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("b", 1), ("c", 2)))).ShouldBe(202);
        await Fx.DrainAsync();
        Assert.Equal(["b", "c"], (await Fx.Api(Dc.UsWest).GetAsync(Kv(fabric, $"/{name}/keys"))).ShouldBe(200).Result.Strings());

        (await Fx.Api(Dc.UsWest).PutAsync(Kv(fabric, $"/{name}/truncate"))).ShouldBe(200);
        await Fx.DrainAsync();
        Assert.Equal(0, (await Fx.Api(Dc.EuCentral).GetAsync(Kv(fabric, $"/{name}/count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Access_levels_apply_to_key_value_collections()
    {
        var (fabric, name) = await CreateAsync();
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("a", 1)))).ShouldBe(202);
        var reader = await Fx.AddUserAsync((fabric, "", Cluster.AccessLevel.ReadOnly));
        var client = Fx.WithToken(reader.Token);
        Assert.Equal(1, (await client.GetAsync(Kv(fabric, $"/{name}/value/a"))).ShouldBe(200).Json.Long("value"));
        (await client.PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("b", 1)))).ShouldFail(403, 11);
        (await client.DeleteAsync(Kv(fabric, $"/{name}/value/a"))).ShouldFail(403, 11);
        (await client.PostAsync(Kv(fabric, "/other"))).ShouldFail(403, 11);
        (await Fx.Anonymous().GetAsync(Kv(fabric))).ShouldFail(401, 11);
    }

    [Fact]
    public async Task C8QL_reads_the_pairs_as_documents()
    {
        var (fabric, name) = await CreateAsync();
        (await Api.PutAsync(Kv(fabric, $"/{name}/value"), Pairs(("a", 1), ("b", 2)))).ShouldBe(202);
        var rows = (await Api.PostAsync(Paths.Fabric(fabric, "cursor"), new JsonObject { ["query"] = $"FOR p IN `{name}` SORT p._key RETURN p.value" })).ShouldBe(201).Result;
        Assert.Equal("[1,2]", rows.ToJsonString());
    }
}
