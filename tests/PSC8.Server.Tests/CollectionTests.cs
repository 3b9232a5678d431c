namespace PSC8.Server.Tests;

/// <summary>Collections: create (type, spot, local, stream, key generators), list, info, properties, count, figures, truncate, delete.</summary>
public sealed class CollectionTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private async Task<JsonNode> CreateAsync(string fabric, JsonObject body, string region = Dc.UsWest)
    {
        body["name"] ??= C8HostFixture.Unique("col");
        return (await fx.Api(region).PostAsync(Paths.Collections(fabric), body)).ShouldBe(200).Json!;
    }

    [Fact]
    public async Task Create_answers_200_with_the_GDN_collection_object()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = C8HostFixture.Unique("col");
        var c = await CreateAsync(fabric, new JsonObject { ["name"] = name });

        Assert.False(c.Bool("error"));
        Assert.Equal(200, c.Long("code"));
        Assert.Equal(name, c.Str("name"));
        Assert.Equal(2, c.Long("type"));
        Assert.Equal(3, c.Long("status"));
        Assert.Equal("loaded", c.Str("statusString"));
        Assert.Equal("DOC", c.Str("collectionModel"));
        Assert.False(c.Bool("isSpot"));
        Assert.False(c.Bool("strongConsistency"));
        Assert.False(c.Bool("isLocal"));
        Assert.False(c.Bool("hasStream"));
        Assert.False(c.Bool("waitForSync"));
        Assert.False(c.Bool("isSystem"));
        Assert.False(c.Bool("searchEnabled"));
        Assert.False(c.Bool("cacheEnabled"));
        Assert.False(string.IsNullOrEmpty(c.Str("id")));
        Assert.False(string.IsNullOrEmpty(c.Str("globallyUniqueId")));
        var keyOptions = c.Obj("keyOptions");
        Assert.Equal("traditional", keyOptions.Str("type"));
        Assert.True(keyOptions.Bool("allowUserKeys"));

        var info = (await fx.Api(Dc.ApSouth).GetAsync(Paths.Collection(fabric, name))).ShouldBe(200);
        Assert.Equal(c.Str("id"), info.Json.Str("id"));
        Assert.Equal(name, info.Json.Str("name"));
        Assert.Equal(2, info.Json.Long("type"));
        Assert.Equal(200, info.Json.Long("code"));
    }

    [Fact]
    public async Task Edge_collections_are_type_3()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await CreateAsync(fabric, new JsonObject { ["type"] = 3 });
        Assert.Equal(3, c.Long("type"));
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name = C8HostFixture.Unique("col"), type = 4 })).ShouldFail(400, 10);
    }

    [Theory]
    [InlineData("isSpot")]
    [InlineData("strongConsistency")]
    public async Task Spot_collections_carry_both_isSpot_and_strongConsistency(string flag)
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await CreateAsync(fabric, new JsonObject { [flag] = true });
        Assert.True(c.Bool("isSpot"));
        Assert.True(c.Bool("strongConsistency"));
        var listed = (await fx.Api().GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray().Single(i => i.Str("name") == c.Str("name"));
        Assert.True(listed.Bool("isSpot"));
        Assert.True(listed.Bool("strongConsistency"));
    }

    [Fact]
    public async Task A_spot_collection_needs_a_fabric_with_a_spot_region()
    {
        var fabric = await fx.CreateFabricAsync(new { dcList = "us-west,eu-central", spotDc = "" });
        var name = C8HostFixture.Unique("col");
        var r = (await fx.Api().PostAsync(Paths.Collections(fabric), new { name, isSpot = true })).ShouldFail(400, 10);
        Assert.Contains(fabric, r.Json.Str("errorMessage"));
        Assert.Contains("spot region", r.Json.Str("errorMessage"));
        (await fx.Api().GetAsync(Paths.Collection(fabric, name))).ShouldFail(404, 1203);
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name, strongConsistency = true })).ShouldFail(400, 10);
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name })).ShouldBe(200);
    }

    [Fact]
    public async Task Spot_and_local_exclude_each_other()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = C8HostFixture.Unique("col");
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name, isSpot = true, isLocal = true })).ShouldFail(400, 10);
        (await fx.Api().GetAsync(Paths.Collection(fabric, name))).ShouldFail(404, 1203);
    }

    [Fact]
    public async Task Local_stream_and_waitForSync_flags_are_kept()
    {
        var fabric = await fx.CreateFabricAsync();
        var local = await CreateAsync(fabric, new JsonObject { ["isLocal"] = true });
        Assert.True(local.Bool("isLocal"));
        Assert.False(local.Bool("isSpot"));
        var stream = await CreateAsync(fabric, new JsonObject { ["stream"] = true });
        Assert.True(stream.Bool("hasStream"));
        var sync = await CreateAsync(fabric, new JsonObject { ["waitForSync"] = true });
        Assert.True(sync.Bool("waitForSync"));

        // A waitForSync collection answers writes with 201 (200 for removes) instead of 202.
        var docs = Paths.Documents(fabric, sync.Str("name")!);
        (await fx.Api().PostAsync(docs, new { _key = "a" })).ShouldBe(201);
        (await fx.Api().PostAsync(docs, new[] { new { _key = "b" } })).ShouldBe(201);
        (await fx.Api().PatchAsync(Paths.Document(fabric, sync.Str("name")!, "a"), new { x = 1 })).ShouldBe(201);
        (await fx.Api().DeleteAsync(Paths.Document(fabric, sync.Str("name")!, "a"))).ShouldBe(200);
        (await fx.Api().PostAsync(docs + "?waitForSync=false", new { _key = "c" })).ShouldBe(202);
    }

    private async Task<List<string>> InsertGeneratedAsync(string fabric, string collection, int count, string region = Dc.UsWest)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            keys.Add((await fx.Api(region).PostAsync(Paths.Documents(fabric, collection), new { i })).ShouldBe(202).Json.Str("_key")!);
        }
        return keys;
    }

    [Fact]
    public async Task Traditional_keys_are_increasing_numbers_unique_across_regions()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = (await CreateAsync(fabric, new JsonObject { ["keyOptions"] = new JsonObject { ["type"] = "traditional" } })).Str("name")!;
        var keys = new List<string>();
        foreach (var region in Dc.All)
        {
            var mine = await InsertGeneratedAsync(fabric, name, 3, region);
            var numbers = mine.Select(long.Parse).ToList();
            Assert.Equal(numbers.Order(), numbers);
            keys.AddRange(mine);
        }
        Assert.Equal(keys.Count, keys.Distinct().Count());
        await fx.DrainAsync();
        Assert.Equal(9, (await fx.Api(Dc.ApSouth).GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Autoincrement_keys_follow_increment_and_offset()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await CreateAsync(fabric, new JsonObject { ["isSpot"] = true, ["keyOptions"] = new JsonObject { ["type"] = "autoincrement", ["increment"] = 5, ["offset"] = 10 } });
        Assert.Equal("autoincrement", c.Obj("keyOptions").Str("type"));
        Assert.Equal(5, c.Obj("keyOptions").Long("increment"));
        var keys = (await InsertGeneratedAsync(fabric, c.Str("name")!, 4)).Select(long.Parse).ToList();
        Assert.All(keys.Zip(keys.Skip(1)), pair => Assert.Equal(5, pair.Second - pair.First));
        Assert.True(keys[0] >= 1);

        // A user key above the counter moves it on.
        (await fx.Api().PostAsync(Paths.Documents(fabric, c.Str("name")!), new { _key = "1000" })).ShouldBe(202);
        var after = long.Parse((await InsertGeneratedAsync(fabric, c.Str("name")!, 1))[0]);
        Assert.True(after > 1000, $"next key {after}");
    }

    [Fact]
    public async Task Autoincrement_is_refused_on_a_collection_written_in_every_region()
    {
        var fabric = await fx.CreateFabricAsync();
        var error = (await fx.Api().PostAsync(Paths.Collections(fabric),
            new JsonObject { ["name"] = "counted", ["keyOptions"] = new JsonObject { ["type"] = "autoincrement" } })).ShouldBe(400);
        Assert.Contains("single writer", error.Json.Str("errorMessage"));
        (await fx.Api().PostAsync(Paths.Collections(fabric),
            new JsonObject { ["name"] = "counted", ["isLocal"] = true, ["keyOptions"] = new JsonObject { ["type"] = "autoincrement" } })).ShouldBe(200);
    }

    [Theory]
    [InlineData("traditional")]
    [InlineData("padded")]
    public async Task A_generated_key_never_collides_with_a_document_from_another_region(string type)
    {
        var fabric = await fx.CreateFabricAsync();
        var name = (await CreateAsync(fabric, new JsonObject { ["keyOptions"] = new JsonObject { ["type"] = type } })).Str("name")!;
        var keys = await InsertGeneratedAsync(fabric, name, 3, Dc.UsWest);
        await fx.DrainAsync();
        // eu-central now holds us-west's documents; its own key-less inserts must still create new documents.
        keys.AddRange(await InsertGeneratedAsync(fabric, name, 3, Dc.EuCentral));
        Assert.Equal(6, keys.Distinct().Count());
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            Assert.Equal(6, (await fx.Api(region).GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));
        }
    }

    [Fact]
    public async Task Generated_spot_keys_stay_unique_after_the_spot_region_moves()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = (await CreateAsync(fabric, new JsonObject { ["isSpot"] = true, ["keyOptions"] = new JsonObject { ["type"] = "autoincrement" } })).Str("name")!;
        var keys = await InsertGeneratedAsync(fabric, name, 3);
        (await fx.Api().PutAsync($"/_fabric/{fabric}/database/{Dc.ApSouth}")).ShouldBe(200);
        keys.AddRange(await InsertGeneratedAsync(fabric, name, 3));
        Assert.Equal(6, keys.Distinct().Count());
        Assert.Equal(6, (await fx.Api().GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Padded_keys_sort_as_strings_in_insertion_order()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = (await CreateAsync(fabric, new JsonObject { ["keyOptions"] = new JsonObject { ["type"] = "padded" } })).Str("name")!;
        var keys = await InsertGeneratedAsync(fabric, name, 12);
        Assert.All(keys, k => Assert.Equal(keys[0].Length, k.Length));
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("uuid64")]
    public async Task Uuid_keys_are_uuids(string type)
    {
        var fabric = await fx.CreateFabricAsync();
        var name = (await CreateAsync(fabric, new JsonObject { ["keyOptions"] = new JsonObject { ["type"] = type } })).Str("name")!;
        var keys = await InsertGeneratedAsync(fabric, name, 3);
        Assert.All(keys, k => Assert.True(Guid.TryParse(k, out _), k));
        Assert.Equal(3, keys.Distinct().Count());
    }

    [Fact]
    public async Task User_keys_can_be_forbidden_and_bad_key_options_are_refused()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = (await CreateAsync(fabric, new JsonObject { ["keyOptions"] = new JsonObject { ["allowUserKeys"] = false } })).Str("name")!;
        (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = "mine" })).ShouldBe(400);
        (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { v = 1 })).ShouldBe(202);

        foreach (var keyOptions in new[]
        {
            new JsonObject { ["type"] = "random" },
            new JsonObject { ["type"] = "autoincrement", ["increment"] = 0 },
            new JsonObject { ["type"] = "autoincrement", ["offset"] = -1 },
        })
        {
            var bad = C8HostFixture.Unique("col");
            (await fx.Api().PostAsync(Paths.Collections(fabric), new JsonObject { ["name"] = bad, ["keyOptions"] = keyOptions })).ShouldFail(400, 10);
            (await fx.Api().GetAsync(Paths.Collection(fabric, bad))).ShouldFail(404, 1203);
        }
    }

    [Fact]
    public async Task Listing_includes_system_collections_unless_excludeSystem()
    {
        var fabric = await fx.CreateFabricAsync();
        var user = await fx.CreateCollectionAsync(fabric);
        var system = "_" + C8HostFixture.Unique("sys");
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name = system, isSystem = true })).ShouldBe(200);

        var all = (await fx.Api().GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray();
        Assert.Contains(all, c => c.Str("name") == user && c.Bool("isSystem") == false);
        Assert.Contains(all, c => c.Str("name") == system && c.Bool("isSystem") == true);
        foreach (var item in all)
        {
            foreach (var field in new[] { "id", "name", "isSystem", "type", "status", "collectionModel" })
            {
                Assert.True(item.Has(field), $"'{field}' missing in {item}");
            }
        }
        foreach (var flag in new[] { "true", "1", "True" })
        {
            var names = (await fx.Api().GetAsync(Paths.Collections(fabric) + "?excludeSystem=" + flag)).ShouldBe(200).Result.AsArray().Select(c => c.Str("name")).ToList();
            Assert.Contains(user, names);
            Assert.DoesNotContain(system, names);
        }
        var included = (await fx.Api().GetAsync(Paths.Collections(fabric) + "?excludeSystem=false")).ShouldBe(200).Result.AsArray().Select(c => c.Str("name")).ToList();
        Assert.Contains(system, included);

        // A system collection is only dropped when the caller says so.
        (await fx.Api().DeleteAsync(Paths.Collection(fabric, system))).ShouldBe(403);
        (await fx.Api().DeleteAsync(Paths.Collection(fabric, system) + "?isSystem=true")).ShouldBe(200);
    }

    [Fact]
    public async Task An_unknown_collection_is_404_1203_everywhere()
    {
        var fabric = await fx.CreateFabricAsync();
        var ghost = C8HostFixture.Unique("ghost");
        var r = (await fx.Api().GetAsync(Paths.Collection(fabric, ghost))).ShouldFail(404, 1203);
        Assert.StartsWith("collection or view not found", r.Json.Str("errorMessage"));
        (await fx.Api().GetAsync(Paths.Collection(fabric, ghost, "properties"))).ShouldFail(404, 1203);
        (await fx.Api().PutAsync(Paths.Collection(fabric, ghost, "properties"), new { waitForSync = true })).ShouldFail(404, 1203);
        (await fx.Api().GetAsync(Paths.Collection(fabric, ghost, "count"))).ShouldFail(404, 1203);
        (await fx.Api().GetAsync(Paths.Collection(fabric, ghost, "figures"))).ShouldFail(404, 1203);
        (await fx.Api().PutAsync(Paths.Collection(fabric, ghost, "truncate"))).ShouldFail(404, 1203);
        (await fx.Api().DeleteAsync(Paths.Collection(fabric, ghost))).ShouldFail(404, 1203);
        (await fx.Api().PostAsync(Paths.Documents(fabric, ghost), new { a = 1 })).ShouldFail(404, 1203);
        (await fx.Api().GetAsync(Paths.Document(fabric, ghost, "k"))).ShouldFail(404, 1203);
    }

    [Fact]
    public async Task Only_waitForSync_and_hasStream_can_change()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric, new { isSpot = true });
        var path = Paths.Collection(fabric, name, "properties");

        var initial = (await fx.Api().GetAsync(path)).ShouldBe(200);
        Assert.False(initial.Json.Bool("waitForSync"));
        Assert.Equal("traditional", initial.Json.Obj("keyOptions").Str("type"));

        var changed = (await fx.Api().PutAsync(path, new { waitForSync = true, hasStream = true })).ShouldBe(200);
        Assert.True(changed.Json.Bool("waitForSync"));
        Assert.True(changed.Json.Bool("hasStream"));
        var read = (await fx.Api(Dc.EuCentral).GetAsync(path)).ShouldBe(200);
        Assert.True(read.Json.Bool("waitForSync"));
        Assert.True(read.Json.Bool("hasStream"));

        foreach (var body in new object[] { new { isSpot = false }, new { strongConsistency = false }, new { isLocal = true }, new { type = 3 }, new { name = "renamed" }, new { waitForSync = "no" } })
        {
            (await fx.Api().PutAsync(path, body)).ShouldFail(400, 10);
        }
        var after = (await fx.Api().GetAsync(path)).ShouldBe(200);
        Assert.True(after.Json.Bool("isSpot"));
        Assert.True(after.Json.Bool("waitForSync"));
        Assert.Equal(name, after.Json.Str("name"));
    }

    [Fact]
    public async Task Count_and_figures_report_the_documents()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        (await fx.Api(Dc.EuCentral).PostAsync(Paths.Documents(fabric, name), Enumerable.Range(0, 7).Select(i => new { i }).ToArray())).ShouldBe(202);

        var count = (await fx.Api(Dc.EuCentral).GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200);
        Assert.Equal(7, count.Json.Long("count"));
        Assert.Equal(name, count.Json.Str("name"));
        Assert.False(count.Json.Bool("isSystem"));
        Assert.NotNull(count.Json.Str("id"));

        var figures = (await fx.Api(Dc.EuCentral).GetAsync(Paths.Collection(fabric, name, "figures"))).ShouldBe(200);
        var f = figures.Json.Obj("figures");
        Assert.NotNull(f.Obj("indexes").Long("count"));
        Assert.NotNull(f.Obj("indexes").Long("size"));
        Assert.True(f.Long("documentsSize") > 0);
        Assert.Equal(7, figures.Json.Long("count"));
    }

    [Fact]
    public async Task Truncate_empties_the_collection_in_every_region()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, name), Enumerable.Range(0, 5).Select(i => new { i }).ToArray())).ShouldBe(202);
        await fx.DrainAsync();
        Assert.Equal(5, (await fx.Api(Dc.ApSouth).GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));

        var r = (await fx.Api(Dc.EuCentral).PutAsync(Paths.Collection(fabric, name, "truncate"))).ShouldBe(200);
        Assert.Equal(name, r.Json.Str("name"));
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            Assert.Equal(0, (await fx.Api(region).GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));
        }
        (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = "again" })).ShouldBe(202);
    }

    [Fact]
    public async Task Delete_removes_the_collection_and_its_documents()
    {
        var fabric = await fx.CreateFabricAsync();
        var created = await CreateAsync(fabric, new JsonObject());
        var name = created.Str("name")!;
        (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = "a" })).ShouldBe(202);
        await fx.DrainAsync();

        var r = (await fx.Api(Dc.ApSouth).DeleteAsync(Paths.Collection(fabric, name))).ShouldBe(200);
        Assert.Equal(created.Str("id"), r.Json.Str("id"));
        foreach (var region in Dc.All)
        {
            (await fx.Api(region).GetAsync(Paths.Collection(fabric, name))).ShouldFail(404, 1203);
            (await fx.Api(region).GetAsync(Paths.Document(fabric, name, "a"))).ShouldFail(404, 1203);
        }
        Assert.DoesNotContain((await fx.Api().GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray(), c => c.Str("name") == name);

        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name })).ShouldBe(200);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            (await fx.Api(region).GetAsync(Paths.Document(fabric, name, "a"))).ShouldFail(404, 1202);
        }
    }

    [Fact]
    public async Task A_duplicate_collection_is_409_1207()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        (await fx.Api(Dc.EuCentral).PostAsync(Paths.Collections(fabric), new { name })).ShouldFail(409, 1207);
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name, isSpot = true })).ShouldFail(409, 1207);
        Assert.False((await fx.Api().GetAsync(Paths.Collection(fabric, name))).ShouldBe(200).Json.Bool("isSpot"));
    }

    [Fact]
    public async Task Names_of_up_to_64_characters_are_valid_and_case_sensitive()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = ("C" + C8HostFixture.Unique("x")).PadRight(64, 'z');
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name })).ShouldBe(200);
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name = name.ToLowerInvariant() })).ShouldBe(200);
        Assert.Equal(name, (await fx.Api().GetAsync(Paths.Collection(fabric, name))).ShouldBe(200).Json.Str("name"));
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("dot.name")]
    [InlineData("_system_like")]
    [InlineData("")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345")] // 65 characters
    public async Task Invalid_collection_names_are_400_1208(string name)
    {
        var fabric = await fx.CreateFabricAsync();
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name })).ShouldFail(400, 1208);
    }
}
