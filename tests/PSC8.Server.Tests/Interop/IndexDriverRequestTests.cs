namespace PSC8.Server.Tests.Interop;

/// <summary>
/// The index calls of both drivers, replayed as they send them. pyC8 (c8/collection.py, its recordings in
/// tests/cassettes/test_index): POST/GET <c>/_fabric/{f}/_api/index?collection=</c> with its charset header and
/// full bodies, DELETE <c>…/index/{collection}/{name}</c>. jsC8 (src/collection.ts createPersistentIndex, createTtlIndex,
/// index, dropIndex, indexes): the same paths without <c>_api</c>, handles <c>collection/name</c>, and reads
/// <c>body.indexes</c>.
/// </summary>
public sealed class IndexDriverRequestTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task PyC8s_index_calls_get_what_it_reads()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var api = fx.Api();
        var path = $"/_fabric/{fabric}/_api/index?collection={collection}";

        // add_persistent_index, add_hash_index, add_skiplist_index, add_ttl_index, add_geo_index, add_fulltext_index: pyC8 reads id, name, type, fields.
        JsonNode[] bodies =
        [
            JsonNode.Parse("""{"type": "persistent", "fields": ["attr1", "attr2"], "unique": false, "sparse": true}""")!,
            JsonNode.Parse("""{"type": "hash", "fields": ["attr1"], "unique": false, "sparse": true, "deduplicate": true}""")!,
            JsonNode.Parse("""{"type": "skiplist", "fields": ["attr1"], "unique": false, "sparse": true, "deduplicate": true}""")!,
            JsonNode.Parse("""{"type": "ttl", "fields": ["attr1"], "expireAfter": 0, "inBackground": false}""")!,
            JsonNode.Parse("""{"type": "geo", "fields": ["lat", "lng"]}""")!,
            JsonNode.Parse("""{"type": "fulltext", "fields": ["text"], "minLength": 10}""")!,
        ];
        var names = new List<string>();
        foreach (var body in bodies)
        {
            var created = (await api.PostAsync(path, body, PyC8Requests.Headers)).ShouldBe(201).Object;
            Assert.Equal(body["type"]!.GetValue<string>(), created.Str("type"));
            Assert.True(created.Bool("isNewlyCreated"));
            names.Add(created.Str("name")!);
        }
        var listed = (await api.GetAsync(path, PyC8Requests.Headers)).ShouldBe(200).Object;
        Assert.Equal(bodies.Length + 1, listed.Arr("indexes").Count);
        Assert.Equal(bodies.Length + 1, listed.Obj("identifiers").Count);
        Assert.Equal("primary", (await api.GetAsync($"/_fabric/{fabric}/_api/index/{collection}/primary", PyC8Requests.Headers)).ShouldBe(200).Json.Str("name"));

        // delete_index answers the id; a second delete is 404/1212 (test_delete_index).
        foreach (var name in names)
        {
            (await api.DeleteAsync($"/_fabric/{fabric}/_api/index/{collection}/{name}", configure: PyC8Requests.Headers)).ShouldBe(200);
            (await api.DeleteAsync($"/_fabric/{fabric}/_api/index/{collection}/{name}", configure: PyC8Requests.Headers)).ShouldFail(404, 1212);
        }
    }

    [Fact]
    public async Task JsC8s_index_calls_get_what_it_reads()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var api = fx.Api();

        // createPersistentIndex(fields, opts) and createTtlIndex(fields, expireAfter, name) post to /index without _api.
        var persistent = (await api.PostAsync($"/_fabric/{fabric}/index?collection={collection}",
            new { unique = false, type = "persistent", fields = new[] { "n" } })).ShouldBe(201).Object;
        var ttl = (await api.PostAsync($"/_fabric/{fabric}/index?collection={collection}",
            new { fields = new[] { "at" }, expireAfter = 60, type = "ttl", name = "expiry" })).ShouldBe(201).Object;
        Assert.Equal("expiry", ttl.Str("name"));

        // indexes() reads body.indexes; index(name) and dropIndex(name) use collection/name.
        var indexes = (await api.GetAsync($"/_fabric/{fabric}/index?collection={collection}")).ShouldBe(200).Object.Arr("indexes");
        Assert.Equal(["primary", persistent.Str("name")!, "expiry"], indexes.Select(i => i.Str("name")!));
        Assert.Equal(ttl.Str("id"), (await api.GetAsync($"/_fabric/{fabric}/index/{collection}/expiry")).ShouldBe(200).Json.Str("id"));
        Assert.Equal(persistent.Str("id"), (await api.DeleteAsync($"/_fabric/{fabric}/index/{persistent.Str("id")}")).ShouldBe(200).Json.Str("id"));
    }
}
