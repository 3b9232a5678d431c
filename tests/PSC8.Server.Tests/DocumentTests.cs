namespace PSC8.Server.Tests;

/// <summary>Single-document insert, read, HEAD, replace, update and remove with GDN's options, headers and preconditions.</summary>
public sealed class DocumentTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx, Dc.EuCentral)
{
    private async Task<HttpExchange> InsertAsync(string fabric, string collection, object document, string? query = null) =>
        (await Api.PostAsync(Paths.Documents(fabric, collection, query), document)).ShouldBe(202);

    private static Action<HttpRequestMessage> Header(string name, string value) => m => m.Headers.TryAddWithoutValidation(name, value);

    /// <summary>The document without _id, _key and _rev.</summary>
    private static JsonObject UserPart(JsonNode? document)
    {
        var copy = document!.DeepClone().AsObject();
        copy.Remove("_id");
        copy.Remove("_key");
        copy.Remove("_rev");
        return copy;
    }

    [Fact]
    public async Task Insert_answers_202_with_the_identity_an_Etag_and_a_Location()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var r = await InsertAsync(f, c, new { name = "ada", age = 36 });
        var key = r.Json.Str("_key")!;
        var rev = r.Json.Str("_rev")!;

        Assert.True(long.TryParse(key, out _), $"generated key '{key}' is numeric");
        Assert.Equal($"{c}/{key}", r.Json.Str("_id"));
        Assert.False(string.IsNullOrEmpty(rev));
        Assert.Equal(3, r.Object.Count);
        Assert.Equal($"\"{rev}\"", r.Header("ETag"));
        var location = r.Header("Location")!;
        Assert.EndsWith($"/_api/document/{c}/{key}", location);

        var read = (await Fx.Api(Dc.EuCentral).GetAsync(location)).ShouldBe(200);
        Assert.Equal(key, read.Json.Str("_key"));
        Assert.Equal($"{c}/{key}", read.Json.Str("_id"));
        Assert.Equal(rev, read.Json.Str("_rev"));
        Assert.Equal("ada", read.Json.Str("name"));
        Assert.Equal(36, read.Json.Long("age"));
        Assert.Equal($"\"{rev}\"", read.Header("ETag"));
    }

    [Fact]
    public async Task A_given_key_is_honoured_while_id_and_rev_in_the_body_are_ignored()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var r = await InsertAsync(f, c, new { _key = "k1", _id = "elsewhere/zzz", _rev = "_bogus", v = 1 });
        Assert.Equal("k1", r.Json.Str("_key"));
        Assert.Equal($"{c}/k1", r.Json.Str("_id"));
        Assert.NotEqual("_bogus", r.Json.Str("_rev"));
        var read = (await Api.GetAsync(Paths.Document(f, c, "k1"))).ShouldBe(200);
        Assert.Equal($"{c}/k1", read.Json.Str("_id"));
        Assert.Equal(r.Json.Str("_rev"), read.Json.Str("_rev"));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public async Task Query_booleans_are_read_in_every_driver_spelling(string flag, bool expected)
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var inserted = await InsertAsync(f, c, new { _key = "k", v = 1 }, $"returnNew={flag}&silent=0");
        Assert.Equal(expected, inserted.Json.Has("new"));
        if (expected)
        {
            Assert.Equal(1, inserted.Json.Obj("new").Long("v"));
            Assert.Equal("k", inserted.Json.Obj("new").Str("_key"));
        }
        var replaced = (await Api.PutAsync(Paths.Document(f, c, "k", $"returnOld={flag}&returnNew={flag}"), new { v = 2 })).ShouldBe(202);
        Assert.Equal(expected, replaced.Json.Has("old"));
        Assert.Equal(expected, replaced.Json.Has("new"));
        var silent = (await Api.PatchAsync(Paths.Document(f, c, "k", $"silent={flag}"), new { v = 3 })).ShouldBe(202);
        Assert.Equal(expected, silent.Object.Count == 0);
    }

    [Fact]
    public async Task Sync_writes_answer_201_and_removes_200()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(f, c, "waitForSync=true"), new { _key = "a" })).ShouldBe(201);
        (await Api.PutAsync(Paths.Document(f, c, "a", "waitForSync=1"), new { v = 1 })).ShouldBe(201);
        (await Api.PatchAsync(Paths.Document(f, c, "a", "waitForSync=True"), new { v = 2 })).ShouldBe(201);
        (await Api.DeleteAsync(Paths.Document(f, c, "a", "waitForSync=true"))).ShouldBe(200);
    }

    [Fact]
    public async Task A_duplicate_key_is_409_1210_and_leaves_the_stored_document()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var first = await InsertAsync(f, c, new { _key = "dup", v = 1 });
        (await Api.PostAsync(Paths.Documents(f, c), new { _key = "dup", v = 2 })).ShouldFail(409, 1210);
        (await Api.PostAsync(Paths.Documents(f, c, "overwriteMode=conflict"), new { _key = "dup", v = 3 })).ShouldFail(409, 1210);
        var read = (await Api.GetAsync(Paths.Document(f, c, "dup"))).ShouldBe(200);
        Assert.Equal(1, read.Json.Long("v"));
        Assert.Equal(first.Json.Str("_rev"), read.Json.Str("_rev"));
    }

    public static TheoryData<string> IllegalKeys => new()
    {
        """{"_key":"a/b"}""",
        """{"_key":"has space"}""",
        """{"_key":""}""",
        """{"_key":"ümlaut"}""",
        """{"_key":"quote\"d"}""",
        """{"_key":"#hash"}""",
        "{\"_key\":\"" + new string('k', 255) + "\"}",
        """{"_key":123}""",
        """{"_key":true}""",
        """{"_key":{"nested":1}}""",
    };

    [Theory]
    [MemberData(nameof(IllegalKeys))]
    public async Task Illegal_keys_are_400_1221_and_nothing_is_written(string body)
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.SendRawAsync(HttpMethod.Post, Paths.Documents(f, c), System.Text.Encoding.UTF8.GetBytes(body), "application/json")).ShouldFail(400, 1221);
        Assert.Equal(0, (await Api.GetAsync(Paths.Collection(f, c, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Theory]
    [InlineData("a_-:.@()+,=;$!*'%b")]
    [InlineData("0")]
    [InlineData("UPPER-lower_123")]
    public async Task Every_allowed_key_character_round_trips_through_the_URL(string key)
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var r = await InsertAsync(f, c, new JsonObject { ["_key"] = key, ["v"] = 1 });
        Assert.Equal(key, r.Json.Str("_key"));
        var read = (await Api.GetAsync(Paths.Document(f, c, key))).ShouldBe(200);
        Assert.Equal($"{c}/{key}", read.Json.Str("_id"));
        (await Api.DeleteAsync(Paths.Document(f, c, key))).ShouldBe(202);
    }

    [Fact]
    public async Task A_key_of_254_characters_is_the_longest_allowed()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var key = new string('k', 254);
        await InsertAsync(f, c, new { _key = key });
        (await Api.GetAsync(Paths.Document(f, c, key))).ShouldBe(200);
    }

    [Fact]
    public async Task Overwrite_turns_an_insert_into_a_replace()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var first = await InsertAsync(f, c, new { _key = "k", a = 1, b = 2 });
        var second = await InsertAsync(f, c, new { _key = "k", a = 10 }, "overwrite=true&returnOld=true&returnNew=true");
        Assert.Equal(first.Json.Str("_rev"), second.Json.Str("_oldRev"));
        Assert.NotEqual(first.Json.Str("_rev"), second.Json.Str("_rev"));
        Assert.Equal(2, second.Json.Obj("old").Long("b"));
        Assert.False(second.Json.Obj("new").Has("b"));
        var read = (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldBe(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":10}"""), UserPart(read.Json)));
    }

    [Fact]
    public async Task OverwriteMode_ignore_keeps_the_stored_document()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var first = await InsertAsync(f, c, new { _key = "k", a = 1 });
        var again = await InsertAsync(f, c, new { _key = "k", a = 2 }, "overwriteMode=ignore");
        Assert.Equal(first.Json.Str("_rev"), again.Json.Str("_rev"));
        Assert.Equal(1, (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldBe(200).Json.Long("a"));
        var fresh = await InsertAsync(f, c, new { _key = "other", a = 3 }, "overwriteMode=ignore");
        Assert.Equal("other", fresh.Json.Str("_key"));
    }

    [Fact]
    public async Task OverwriteMode_update_merges_and_replace_replaces()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        await InsertAsync(f, c, new { _key = "k", a = 1, nested = new { x = 1, y = 2 } });
        await InsertAsync(f, c, new { _key = "k", b = 2, nested = new { y = 3 } }, "overwriteMode=update");
        var merged = (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldBe(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"nested":{"x":1,"y":3},"b":2}"""), UserPart(merged.Json)), merged.Body);

        await InsertAsync(f, c, new { _key = "k", c = 3 }, "overwriteMode=replace");
        var replaced = (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldBe(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"c":3}"""), UserPart(replaced.Json)), replaced.Body);

        (await Api.PostAsync(Paths.Documents(f, c, "overwriteMode=sometimes"), new { _key = "k", d = 4 })).ShouldFail(400, 10);
        (await Api.PostAsync(Paths.Documents(f, c, "overwriteMode=sometimes"), new { _key = "new", d = 4 })).ShouldFail(400, 10);
        (await Api.GetAsync(Paths.Document(f, c, "new"))).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task Reads_honour_If_None_Match_and_If_Match()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var rev = (await InsertAsync(f, c, new { _key = "k", v = 1 })).Json.Str("_rev")!;
        var path = Paths.Document(f, c, "k");

        var notModified = (await Api.GetAsync(path, Header("If-None-Match", $"\"{rev}\""))).ShouldBe(304);
        Assert.Equal("", notModified.Body);
        (await Api.GetAsync(path, Header("If-None-Match", "\"_other\""))).ShouldBe(200);
        (await Api.GetAsync(path, Header("If-Match", $"\"{rev}\""))).ShouldBe(200);
        (await Api.GetAsync(path, Header("If-Match", rev))).ShouldBe(200);

        var failed = (await Api.GetAsync(path, Header("If-Match", "\"_other\""))).ShouldFail(412, 1200);
        Assert.Equal($"{c}/k", failed.Json.Str("_id"));
        Assert.Equal("k", failed.Json.Str("_key"));
        Assert.Equal(rev, failed.Json.Str("_rev"));

        (await Api.GetAsync(Paths.Document(f, c, "missing"))).ShouldFail(404, 1202);
        var missing = (await Api.GetAsync(Paths.Document(f, c, "missing"))).Json.Str("errorMessage");
        Assert.Equal("document not found", missing);
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var rev = (await InsertAsync(f, c, new { _key = "k", v = 1 })).Json.Str("_rev")!;
        var path = Paths.Document(f, c, "k");

        var head = (await Api.HeadAsync(path)).ShouldBe(200);
        Assert.Equal("", head.Body);
        Assert.Equal($"\"{rev}\"", head.Header("ETag"));
        (await Api.HeadAsync(path, Header("If-None-Match", $"\"{rev}\""))).ShouldBe(304);
        (await Api.HeadAsync(path, Header("If-Match", "\"_other\""))).ShouldBe(412);
        (await Api.HeadAsync(Paths.Document(f, c, "missing"))).ShouldBe(404);
    }

    [Fact]
    public async Task Replace_swaps_the_whole_document_and_reports_the_old_revision()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var first = await InsertAsync(f, c, new { _key = "k", a = 1, b = 2 });
        var r = (await Api.PutAsync(Paths.Document(f, c, "k", "returnOld=true&returnNew=true"), new { _key = "ignored", c = 3 })).ShouldBe(202);

        Assert.Equal("k", r.Json.Str("_key"));
        Assert.Equal($"{c}/k", r.Json.Str("_id"));
        Assert.Equal(first.Json.Str("_rev"), r.Json.Str("_oldRev"));
        Assert.NotEqual(first.Json.Str("_rev"), r.Json.Str("_rev"));
        Assert.Equal($"\"{r.Json.Str("_rev")}\"", r.Header("ETag"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"b":2}"""), UserPart(r.Json!["old"])));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"c":3}"""), UserPart(r.Json!["new"])));
        var read = (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldBe(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"c":3}"""), UserPart(read.Json)));
        Assert.Equal(r.Json.Str("_rev"), read.Json.Str("_rev"));

        (await Api.PutAsync(Paths.Document(f, c, "missing"), new { c = 1 })).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task Revision_preconditions_guard_replace_update_and_remove()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var rev = (await InsertAsync(f, c, new { _key = "k", v = 1 })).Json.Str("_rev")!;
        var path = Paths.Document(f, c, "k");

        foreach (var attempt in new Func<Task<HttpExchange>>[]
        {
            () => Api.PutAsync(path, new { v = 2 }, Header("If-Match", "\"_stale\"")),
            () => Api.PatchAsync(path, new { v = 2 }, Header("If-Match", "\"_stale\"")),
            () => Api.DeleteAsync(path, null, Header("If-Match", "\"_stale\"")),
            () => Api.PutAsync(path + "?ignoreRevs=false", new { _rev = "_stale", v = 2 }),
            () => Api.PatchAsync(path + "?ignoreRevs=0", new { _rev = "_stale", v = 2 }),
        })
        {
            var failed = (await attempt()).ShouldFail(412, 1200);
            Assert.Equal(rev, failed.Json.Str("_rev"));
            Assert.Equal("k", failed.Json.Str("_key"));
            Assert.Equal($"{c}/k", failed.Json.Str("_id"));
            Assert.Null(failed.Header("ETag"));
        }
        var unchanged = (await Api.GetAsync(path)).ShouldBe(200);
        Assert.Equal(1, unchanged.Json.Long("v"));
        Assert.Equal(rev, unchanged.Json.Str("_rev"));

        // A _rev in the body is ignored by default; the right one passes when checked.
        var ignored = (await Api.PutAsync(path, new { _rev = "_stale", v = 2 })).ShouldBe(202);
        var rev2 = ignored.Json.Str("_rev")!;
        var checkedOk = (await Api.PatchAsync(path + "?ignoreRevs=false", new { _rev = rev2, v = 3 })).ShouldBe(202);
        var rev3 = checkedOk.Json.Str("_rev")!;
        (await Api.PutAsync(path, new { v = 4 }, Header("If-Match", $"\"{rev3}\""))).ShouldBe(202);
        var rev4 = (await Api.GetAsync(path)).ShouldBe(200).Json.Str("_rev")!;
        (await Api.DeleteAsync(path, null, Header("If-Match", $"\"{rev4}\""))).ShouldBe(202);
        (await Api.GetAsync(path)).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task Update_merges_with_keepNull_and_mergeObjects()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        await InsertAsync(f, c, new { _key = "k", a = 1, keep = "x", nested = new { x = 1, y = 2 } });
        var path = Paths.Document(f, c, "k");

        var r = (await Api.PatchAsync(path + "?returnOld=true&returnNew=true", new JsonObject { ["b"] = 2, ["keep"] = null, ["nested"] = new JsonObject { ["y"] = 3 } })).ShouldBe(202);
        Assert.NotNull(r.Json.Str("_oldRev"));
        Assert.Equal(1, r.Json.Obj("old").Obj("nested").Long("x"));
        var merged = UserPart((await Api.GetAsync(path)).ShouldBe(200).Json);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"keep":null,"nested":{"x":1,"y":3},"b":2}"""), merged), merged.ToJsonString());

        (await Api.PatchAsync(path + "?keepNull=false", new JsonObject { ["keep"] = null, ["a"] = null, ["nested"] = new JsonObject { ["x"] = null } })).ShouldBe(202);
        var pruned = UserPart((await Api.GetAsync(path)).ShouldBe(200).Json);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"nested":{"y":3},"b":2}"""), pruned), pruned.ToJsonString());

        (await Api.PatchAsync(path + "?mergeObjects=false", new { nested = new { z = 9 } })).ShouldBe(202);
        var overwritten = UserPart((await Api.GetAsync(path)).ShouldBe(200).Json);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"nested":{"z":9},"b":2}"""), overwritten), overwritten.ToJsonString());

        (await Api.PatchAsync(Paths.Document(f, c, "missing"), new { a = 1 })).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task Remove_answers_with_the_identity_and_optionally_the_old_document()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var rev = (await InsertAsync(f, c, new { _key = "k", v = 1 })).Json.Str("_rev")!;
        var r = (await Api.DeleteAsync(Paths.Document(f, c, "k", "returnOld=true"))).ShouldBe(202);
        Assert.Equal("k", r.Json.Str("_key"));
        Assert.Equal($"{c}/k", r.Json.Str("_id"));
        Assert.Equal(rev, r.Json.Str("_rev"));
        Assert.Equal(1, r.Json.Obj("old").Long("v"));
        (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldFail(404, 1202);
        (await Api.DeleteAsync(Paths.Document(f, c, "k"))).ShouldFail(404, 1202);
        Assert.Equal(0, (await Api.GetAsync(Paths.Collection(f, c, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Silent_writes_answer_an_empty_object_but_still_write()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        Assert.Empty((await Api.PostAsync(Paths.Documents(f, c, "silent=true"), new { _key = "k", v = 1 })).ShouldBe(202).Object);
        Assert.Empty((await Api.PutAsync(Paths.Document(f, c, "k", "silent=true"), new { v = 2 })).ShouldBe(202).Object);
        Assert.Empty((await Api.PatchAsync(Paths.Document(f, c, "k", "silent=true"), new { w = 3 })).ShouldBe(202).Object);
        var read = (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldBe(200);
        Assert.Equal(2, read.Json.Long("v"));
        Assert.Equal(3, read.Json.Long("w"));
        Assert.Empty((await Api.DeleteAsync(Paths.Document(f, c, "k", "silent=true"))).ShouldBe(202).Object);
        (await Api.GetAsync(Paths.Document(f, c, "k"))).ShouldFail(404, 1202);
    }

    [Fact]
    public async Task Every_write_changes_the_revision()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var revs = new List<string> { (await InsertAsync(f, c, new { _key = "k", v = 0 })).Json.Str("_rev")! };
        for (var i = 1; i <= 5; i++)
        {
            var r = i % 2 == 0
                ? await Api.PutAsync(Paths.Document(f, c, "k"), new { v = i })
                : await Api.PatchAsync(Paths.Document(f, c, "k"), new { v = i });
            Assert.Equal(revs[^1], r.ShouldBe(202).Json.Str("_oldRev"));
            revs.Add(r.Json.Str("_rev")!);
        }
        Assert.Equal(revs.Count, revs.Distinct().Count());
    }

    [Fact]
    public async Task Values_round_trip_unchanged()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        var value = JsonNode.Parse("""
            {"_key":"v","s":"héllo \"wörld\" \u2603 😀","i":42,"neg":-7,"big":9007199254740991,"f":3.25,"tiny":1e-7,
             "t":true,"n":null,"arr":[1,"two",[3],{"four":4}],"obj":{"deep":{"deeper":{"deepest":[]}}},"empty":{},"emptyArr":[]}
            """)!;
        await InsertAsync(f, c, value);
        var read = (await Api.GetAsync(Paths.Document(f, c, "v"))).ShouldBe(200);
        var expected = value.DeepClone().AsObject();
        expected.Remove("_key");
        Assert.True(JsonNode.DeepEquals(expected, UserPart(read.Json)), read.Body);
    }

    [Fact]
    public async Task Edge_documents_need_valid_from_and_to()
    {
        var fabric = await Fx.CreateFabricAsync();
        var edges = await Fx.CreateCollectionAsync(fabric, new { type = 3 });
        foreach (var bad in new object[]
        {
            new { _to = "people/b" },
            new { _from = "people/a" },
            new { _from = "people/a", _to = "no-slash" },
            new { _from = 5, _to = "people/b" },
            new { _from = "people/a", _to = "people/bad key" },
        })
        {
            (await Api.PostAsync(Paths.Documents(fabric, edges), bad)).ShouldFail(400, 1233);
        }
        var ok = (await Api.PostAsync(Paths.Documents(fabric, edges), new { _key = "e", _from = "people/a", _to = "people/b", w = 1 })).ShouldBe(202);
        var read = (await Api.GetAsync(Paths.Document(fabric, edges, "e"))).ShouldBe(200);
        Assert.Equal("people/a", read.Json.Str("_from"));
        Assert.Equal("people/b", read.Json.Str("_to"));
        (await Api.PutAsync(Paths.Document(fabric, edges, "e"), new { w = 2 })).ShouldFail(400, 1233);
        (await Api.PatchAsync(Paths.Document(fabric, edges, "e"), new { w = 2 })).ShouldBe(202);
        Assert.Equal("e", ok.Json.Str("_key"));
        Assert.Equal(1, (await Api.GetAsync(Paths.Collection(fabric, edges, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task The_body_must_be_a_document()
    {
        var (f, c) = await Fx.CreateFabricWithCollectionAsync();
        foreach (var body in new[] { "\"text\"", "5", "true", "null", "" })
        {
            var r = await Api.SendRawAsync(HttpMethod.Post, Paths.Documents(f, c), System.Text.Encoding.UTF8.GetBytes(body), "application/json");
            r.ShouldFail(400, 1227);
        }
        await InsertAsync(f, c, new { _key = "k" });
        (await Api.SendRawAsync(HttpMethod.Put, Paths.Document(f, c, "k"), "[1]"u8.ToArray(), "application/json")).ShouldFail(400, 1227);
        (await Api.SendRawAsync(HttpMethod.Patch, Paths.Document(f, c, "k"), "42"u8.ToArray(), "application/json")).ShouldFail(400, 1227);
        Assert.Equal(1, (await Api.GetAsync(Paths.Collection(f, c, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task StrongConsistency_is_accepted_on_spot_collections_only()
    {
        var fabric = await Fx.CreateFabricAsync();
        var spot = await Fx.CreateCollectionAsync(fabric, new { isSpot = true });
        var global = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, spot, "strongConsistency=true"), new { _key = "k" })).ShouldBe(202);
        (await Api.GetAsync(Paths.Document(fabric, spot, "k", "strongConsistency=true"))).ShouldBe(200);
        (await Api.PostAsync(Paths.Documents(fabric, global, "strongConsistency=true"), new { _key = "k" })).ShouldFail(400, 10);
        (await Api.GetAsync(Paths.Document(fabric, global, "k", "strongConsistency=false"))).ShouldFail(404, 1202);
        Assert.Equal(0, (await Api.GetAsync(Paths.Collection(fabric, global, "count"))).ShouldBe(200).Json.Long("count"));
    }
}
