namespace PSC8.Server.Tests;

/// <summary>Batch insert/replace/update/remove: one answer per item, per-item errors and X-C8-Error-Codes, never a 409/412 for the batch.</summary>
public sealed class DocumentBatchTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx, Dc.ApSouth)
{
    private Task<HttpExchange> SendRawAsync(HttpMethod method, string path, string json) =>
        Api.SendRawAsync(method, path, Encoding.UTF8.GetBytes(json), "application/json");

    private static Dictionary<string, long> ErrorCodes(HttpExchange r)
    {
        var header = r.Header("X-C8-Error-Codes") ?? throw new Xunit.Sdk.XunitException($"No X-C8-Error-Codes: {r}");
        return JsonNode.Parse(header)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
    }

    /// <summary>Per-item errors carry error, errorNum and errorMessage (no code); successes have the identity.</summary>
    private static void AssertItem(JsonNode? item, int? errorNum)
    {
        if (errorNum is null)
        {
            Assert.False(item.Has("error"), item!.ToJsonString());
            Assert.NotNull(item.Str("_key"));
            Assert.NotNull(item.Str("_id"));
            Assert.NotNull(item.Str("_rev"));
        }
        else
        {
            Assert.True(item.Bool("error"), item!.ToJsonString());
            Assert.Equal(errorNum, item.Long("errorNum"));
            Assert.False(string.IsNullOrEmpty(item.Str("errorMessage")));
        }
    }

    private async Task<long> CountAsync(string f, string c) =>
        (await Api.GetAsync(Paths.Collection(f, c, "count"))).ShouldBe(200).Json.Long("count")!.Value;

    [Fact]
    public async Task A_batch_insert_answers_one_entry_per_document()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var r = (await Api.PostAsync(Paths.Documents(f, c, "returnNew=true"), new object[] { new { _key = "a", v = 1 }, new { v = 2 }, new { _key = "c", v = 3 } })).ShouldBe(202);
        Assert.Equal(3, r.Array.Count);
        Assert.All(r.Array, item => AssertItem(item, null));
        Assert.Equal("a", r.Array[0].Str("_key"));
        Assert.Equal(2, r.Array[1].Obj("new").Long("v"));
        Assert.Null(r.Header("X-C8-Error-Codes"));
        Assert.Equal(3, await CountAsync(f, c));
        var second = (await Api.GetAsync(Paths.Document(f, c, r.Array[1].Str("_key")!))).ShouldBe(200);
        Assert.Equal(r.Array[1].Str("_rev"), second.Json.Str("_rev"));
    }

    [Fact]
    public async Task Failing_items_are_reported_per_item_and_counted_in_X_C8_Error_Codes()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(f, c), new { _key = "taken", v = 0 })).ShouldBe(202);

        var r = (await SendRawAsync(HttpMethod.Post, Paths.Documents(f, c),
            """[{"_key":"ok1","v":1},{"_key":"taken","v":2},{"_key":"bad key"},5,{"_key":"ok2"},{"_key":"ok1","v":3},"text"]""")).ShouldBe(202);

        AssertItem(r.Array[0], null);
        AssertItem(r.Array[1], 1210);
        AssertItem(r.Array[2], 1221);
        AssertItem(r.Array[3], 1227);
        AssertItem(r.Array[4], null);
        AssertItem(r.Array[5], 1210);
        AssertItem(r.Array[6], 1227);
        Assert.Equal(new Dictionary<string, long> { ["1210"] = 2, ["1221"] = 1, ["1227"] = 2 }, ErrorCodes(r));

        // Exactly the successful items were written.
        Assert.Equal(3, await CountAsync(f, c));
        Assert.Equal(1, (await Api.GetAsync(Paths.Document(f, c, "ok1"))).ShouldBe(200).Json.Long("v"));
        Assert.Equal(0, (await Api.GetAsync(Paths.Document(f, c, "taken"))).ShouldBe(200).Json.Long("v"));
    }

    [Fact]
    public async Task Batch_inserts_honour_overwrite_modes_and_waitForSync()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(f, c), new[] { new { _key = "a", v = 1 } })).ShouldBe(202);
        var ignored = (await Api.PostAsync(Paths.Documents(f, c, "overwriteMode=ignore"), new[] { new { _key = "a", v = 2 }, new { _key = "b", v = 2 } })).ShouldBe(202);
        Assert.All(ignored.Array, item => AssertItem(item, null));
        Assert.Equal(1, (await Api.GetAsync(Paths.Document(f, c, "a"))).ShouldBe(200).Json.Long("v"));
        var replaced = (await Api.PostAsync(Paths.Documents(f, c, "overwrite=1&waitForSync=true&returnOld=1"), new[] { new { _key = "a", w = 3 } })).ShouldBe(201);
        Assert.Equal(1, replaced.Array[0].Obj("old").Long("v"));
        var doc = (await Api.GetAsync(Paths.Document(f, c, "a"))).ShouldBe(200);
        Assert.False(doc.Json.Has("v"));
        Assert.Equal(3, doc.Json.Long("w"));
    }

    [Fact]
    public async Task A_silent_batch_answers_an_empty_object_and_an_empty_batch_an_empty_array()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        Assert.Empty((await Api.PostAsync(Paths.Documents(f, c, "silent=true"), new[] { new { v = 1 }, new { v = 2 } })).ShouldBe(202).Object);
        Assert.Equal(2, await CountAsync(f, c));
        Assert.Empty((await Api.PostAsync(Paths.Documents(f, c), Array.Empty<object>())).ShouldBe(202).Array);
        Assert.Empty((await Api.DeleteAsync(Paths.Documents(f, c), Array.Empty<object>())).ShouldBe(202).Array);
    }

    [Fact]
    public async Task A_batch_replace_addresses_documents_by_key_or_id()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var inserted = (await Api.PostAsync(Paths.Documents(f, c), new[] { new { _key = "a", v = 1 }, new { _key = "b", v = 1 }, new { _key = "c", v = 1 } })).ShouldBe(202);
        var revB = inserted.Array[1].Str("_rev");

        var r = (await SendRawAsync(HttpMethod.Put, Paths.Documents(f, c, "returnOld=true&returnNew=true&ignoreRevs=false"),
            $$"""[{"_key":"a","w":2},{"_id":"{{c}}/b","_rev":"{{revB}}","w":2},{"_key":"c","_rev":"_stale","w":2},{"_key":"zz","w":2},{"w":2},{"_key":"bad key"},7]""")).ShouldBe(202);

        AssertItem(r.Array[0], null);
        Assert.Equal(inserted.Array[0].Str("_rev"), r.Array[0].Str("_oldRev"));
        Assert.Equal(1, r.Array[0].Obj("old").Long("v"));
        Assert.Equal(2, r.Array[0].Obj("new").Long("w"));
        AssertItem(r.Array[1], null);
        Assert.Equal("b", r.Array[1].Str("_key"));
        AssertItem(r.Array[2], 1200);
        AssertItem(r.Array[3], 1202);
        AssertItem(r.Array[4], 1221);
        AssertItem(r.Array[5], 1221);
        AssertItem(r.Array[6], 1227);
        Assert.Equal(new Dictionary<string, long> { ["1200"] = 1, ["1202"] = 1, ["1221"] = 2, ["1227"] = 1 }, ErrorCodes(r));

        var a = (await Api.GetAsync(Paths.Document(f, c, "a"))).ShouldBe(200);
        Assert.False(a.Json.Has("v"));
        Assert.Equal(2, a.Json.Long("w"));
        Assert.Equal(2, (await Api.GetAsync(Paths.Document(f, c, "b"))).ShouldBe(200).Json.Long("w"));
        var untouched = (await Api.GetAsync(Paths.Document(f, c, "c"))).ShouldBe(200);
        Assert.Equal(1, untouched.Json.Long("v"));
        Assert.Equal(inserted.Array[2].Str("_rev"), untouched.Json.Str("_rev"));
        (await Api.GetAsync(Paths.Document(f, c, "zz"))).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task A_batch_update_merges_each_document()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(f, c), new object[] { new { _key = "a", v = 1, n = new { x = 1 } }, new { _key = "b", v = 1, gone = 1 } })).ShouldBe(202);

        var r = (await SendRawAsync(HttpMethod.Patch, Paths.Documents(f, c, "keepNull=false&mergeObjects=true"),
            """[{"_key":"a","n":{"y":2}},{"_key":"b","gone":null},{"_key":"missing","v":3}]""")).ShouldBe(202);
        AssertItem(r.Array[0], null);
        AssertItem(r.Array[1], null);
        AssertItem(r.Array[2], 1202);
        Assert.Equal(new Dictionary<string, long> { ["1202"] = 1 }, ErrorCodes(r));

        var a = (await Api.GetAsync(Paths.Document(f, c, "a"))).ShouldBe(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x":1,"y":2}"""), a.Json!["n"]), a.Body);
        Assert.False((await Api.GetAsync(Paths.Document(f, c, "b"))).ShouldBe(200).Json.Has("gone"));
        (await Api.GetAsync(Paths.Document(f, c, "missing"))).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task A_batch_remove_takes_keys_ids_and_selectors()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var inserted = (await Api.PostAsync(Paths.Documents(f, c), new[] { "a", "b", "c", "d", "e" }.Select(k => new { _key = k, v = k }).ToArray())).ShouldBe(202);
        var revD = inserted.Array[3].Str("_rev");

        var r = (await SendRawAsync(HttpMethod.Delete, Paths.Documents(f, c, "returnOld=true&ignoreRevs=false"),
            $$"""["a","{{c}}/b",{"_key":"c"},{"_key":"d","_rev":"{{revD}}"},{"_key":"e","_rev":"_stale"},"missing"]""")).ShouldBe(202);
        for (var i = 0; i < 4; i++)
        {
            AssertItem(r.Array[i], null);
            Assert.Equal(new[] { "a", "b", "c", "d" }[i], r.Array[i].Str("_key"));
            Assert.Equal(r.Array[i].Str("_key"), r.Array[i].Obj("old").Str("v"));
        }
        AssertItem(r.Array[4], 1200);
        AssertItem(r.Array[5], 1202);
        Assert.Equal(new Dictionary<string, long> { ["1200"] = 1, ["1202"] = 1 }, ErrorCodes(r));

        Assert.Equal(1, await CountAsync(f, c));
        (await Api.GetAsync(Paths.Document(f, c, "e"))).ShouldBe(200);

        // A sync batch remove answers 200; a single object is not a batch.
        Assert.Single((await Api.DeleteAsync(Paths.Documents(f, c, "waitForSync=true"), new[] { "e" })).ShouldBe(200).Array);
        (await Api.DeleteAsync(Paths.Documents(f, c), new { _key = "e" })).ShouldFail(400, 10);
    }

    [Fact]
    public async Task A_batch_never_fails_as_a_whole_for_item_conflicts()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(f, c), new { _key = "a" })).ShouldBe(202);
        var all = (await Api.PostAsync(Paths.Documents(f, c), new[] { new { _key = "a" }, new { _key = "a" } })).ShouldBe(202);
        Assert.All(all.Array, item => AssertItem(item, 1210));
        Assert.Equal(new Dictionary<string, long> { ["1210"] = 2 }, ErrorCodes(all));
        var stale = (await Api.PutAsync(Paths.Documents(f, c, "ignoreRevs=false"), new[] { new { _key = "a", _rev = "_stale" } })).ShouldBe(202);
        AssertItem(stale.Array[0], 1200);
    }
}
