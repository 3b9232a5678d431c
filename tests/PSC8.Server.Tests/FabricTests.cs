namespace PSC8.Server.Tests;

/// <summary>Geo-fabrics: list, create (dcList, spotDc), current, metadata, delete, and moving the spot region.</summary>
public sealed class FabricTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private async Task<JsonNode> CurrentAsync(string fabric, string region = Dc.UsWest) =>
        (await fx.Api(region).GetAsync(Paths.Fabric(fabric, "database/current"))).ShouldBe(200).Result;

    private async Task<string> CreateAsync(JsonObject options, string region = Dc.UsWest)
    {
        var name = C8HostFixture.Unique("fab");
        var r = (await fx.Api(region).PostAsync(Paths.Databases, new JsonObject { ["name"] = name, ["options"] = options })).ShouldBe(201);
        Assert.True(r.Json.Bool("result"));
        Assert.Equal(201, r.Json.Long("code"));
        Assert.False(r.Json.Bool("error"));
        return name;
    }

    [Fact]
    public async Task The_system_fabric_always_exists_spans_every_region_and_cannot_be_removed()
    {
        Assert.Contains("_system", (await fx.Api(Dc.ApSouth).GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings());
        var system = await CurrentAsync("_system", Dc.EuCentral);
        Assert.Equal("_system", system.Str("name"));
        Assert.True(system.Bool("isSystem"));
        Assert.Equal(Dc.All.Order(), system.Obj("options").Str("dcList")!.Split(',').Order());

        (await fx.Api().DeleteAsync($"{Paths.Databases}/_system")).ShouldBe(403);
        Assert.Contains("_system", (await fx.Api().GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings());
    }

    [Fact]
    public async Task Create_with_a_dcList_string_and_a_spot_region_gives_the_GDN_fabric_object()
    {
        var name = await CreateAsync(new JsonObject { ["dcList"] = "us-west,eu-central", ["spotDc"] = "eu-central", ["metadata"] = new JsonObject { ["team"] = "blue" } });

        foreach (var region in new[] { Dc.UsWest, Dc.EuCentral, Dc.ApSouth })
        {
            var fabric = await CurrentAsync(name, region);
            Assert.Equal(name, fabric.Str("name"));
            Assert.False(fabric.Bool("isSystem"));
            var options = fabric.Obj("options");
            Assert.Equal("us-west,eu-central", options.Str("dcList"));
            Assert.Equal("eu-central", options.Str("spotDc"));
            Assert.Equal($"local.{name}", options.Str("name"));
            Assert.Equal("local", options.Str("tenant"));
            Assert.Equal("available", options.Str("status"));
            Assert.Equal(new[] { "us-west", "eu-central" }, options["associated_regions"].Strings());
            Assert.Equal(new[] { "us-west", "eu-central" }, options["clusters"].Strings());
            Assert.Equal("blue", options.Obj("metadata").Str("team"));
        }
    }

    [Fact]
    public async Task A_dcList_array_is_accepted_as_jsC8_sends_it()
    {
        var name = await CreateAsync(new JsonObject { ["dcList"] = new JsonArray("ap-south", "us-west"), ["spotDc"] = "us-west" });
        var options = (await CurrentAsync(name)).Obj("options");
        Assert.Equal("ap-south,us-west", options.Str("dcList"));
        Assert.Equal("us-west", options.Str("spotDc"));
    }

    [Fact]
    public async Task An_omitted_spotDc_picks_a_spot_capable_region_of_the_fabric_and_an_empty_one_means_none()
    {
        var automatic = await CreateAsync(new JsonObject { ["dcList"] = "eu-central,ap-south" });
        var spot = (await CurrentAsync(automatic)).Obj("options").Str("spotDc");
        Assert.Contains(spot, new[] { "eu-central", "ap-south" });

        var none = await CreateAsync(new JsonObject { ["dcList"] = "eu-central,ap-south", ["spotDc"] = "" });
        Assert.Equal("", (await CurrentAsync(none)).Obj("options").Str("spotDc"));
    }

    [Theory]
    [InlineData("ap-south.c8.local")]
    [InlineData("api-ap-south.c8.local")]
    [InlineData("ap-south")]
    public async Task The_spot_region_may_be_given_by_name_or_host(string spotDc)
    {
        var name = await CreateAsync(new JsonObject { ["dcList"] = "ap-south,us-west", ["spotDc"] = spotDc });
        Assert.Equal("ap-south", (await CurrentAsync(name)).Obj("options").Str("spotDc"));
    }

    [Fact]
    public async Task Without_a_dcList_the_fabric_lives_in_the_receiving_region()
    {
        var missing = await CreateAsync(new JsonObject { ["spotDc"] = "" }, Dc.EuCentral);
        Assert.Equal("eu-central", (await CurrentAsync(missing)).Obj("options").Str("dcList"));
        var empty = await CreateAsync(new JsonObject { ["dcList"] = "", ["spotDc"] = "" }, Dc.ApSouth);
        Assert.Equal("ap-south", (await CurrentAsync(empty)).Obj("options").Str("dcList"));

        var bare = C8HostFixture.Unique("fab");
        (await fx.Api(Dc.EuCentral).PostAsync(Paths.Databases, new { name = bare })).ShouldBe(201);
        var options = (await CurrentAsync(bare)).Obj("options");
        Assert.Equal("eu-central", options.Str("dcList"));
        Assert.Equal("eu-central", options.Str("spotDc"));
    }

    [Fact]
    public async Task Unknown_regions_are_refused_and_nothing_is_created()
    {
        foreach (var options in new[]
        {
            new JsonObject { ["dcList"] = "us-west,mars-north" },
            new JsonObject { ["dcList"] = "us-west", ["spotDc"] = "mars-north" },
        })
        {
            var name = C8HostFixture.Unique("fab");
            (await fx.Api().PostAsync(Paths.Databases, new JsonObject { ["name"] = name, ["options"] = options })).ShouldFail(400, 10);
            Assert.DoesNotContain(name, (await fx.Api().GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings());
            (await fx.Api().GetAsync(Paths.Fabric(name, "database/current"))).ShouldFail(404, 1228);
        }
    }

    [Fact]
    public async Task New_fabrics_are_listed_by_name_and_for_the_user()
    {
        var name = await fx.CreateFabricAsync();
        foreach (var region in Dc.All)
        {
            var names = (await fx.Api(region).GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings();
            Assert.Contains(name, names);
            Assert.Contains("_system", names);
        }
        var mine = (await fx.Api().GetAsync("/_fabric/_system/_api/database/user")).ShouldBe(200).Result.AsArray();
        var entry = Assert.Single(mine, f => f.Str("name") == name);
        Assert.False(entry.Bool("isSystem"));
        Assert.Equal("us-west", entry.Obj("options").Str("spotDc"));
        Assert.Contains(mine, f => f.Str("name") == "_system" && f.Bool("isSystem") == true);
    }

    [Fact]
    public async Task A_duplicate_name_is_409_1207()
    {
        var name = await fx.CreateFabricAsync();
        var r = (await fx.Api(Dc.EuCentral).PostAsync(Paths.Databases, new { name })).ShouldFail(409, 1207);
        Assert.Contains($"duplicate database name 'local.{name}'", r.Json.Str("errorMessage"));
        (await fx.Api().PostAsync(Paths.Databases, new { name = "_system" })).ShouldBe(400);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("_hidden")]
    [InlineData("has space")]
    [InlineData("dot.name")]
    [InlineData("slash/name")]
    [InlineData("")]
    [InlineData("ünïcode")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345")] // 65 characters
    public async Task Invalid_fabric_names_are_400_1229(string name)
    {
        (await fx.Api().PostAsync(Paths.Databases, new { name })).ShouldFail(400, 1229);
    }

    [Fact]
    public async Task Names_of_up_to_64_characters_with_digits_underscores_and_dashes_are_valid()
    {
        var name = "F" + C8HostFixture.Unique("x").Replace("_", "-").PadRight(63, '9');
        (await fx.Api().PostAsync(Paths.Databases, new { name })).ShouldBe(201);
        Assert.Equal(name, (await CurrentAsync(name)).Str("name"));
    }

    [Fact]
    public async Task Only_the_system_fabric_creates_and_removes_fabrics()
    {
        var other = await fx.CreateFabricAsync();
        var victim = await fx.CreateFabricAsync();
        (await fx.Api().PostAsync(Paths.Fabric(other, "database"), new { name = C8HostFixture.Unique("fab") })).ShouldFail(403, 1230);
        (await fx.Api().DeleteAsync(Paths.Fabric(other, $"database/{victim}"))).ShouldFail(403, 1230);
        (await CurrentAsync(victim)).Str("name");
    }

    [Fact]
    public async Task An_unknown_fabric_is_404_1228()
    {
        var ghost = C8HostFixture.Unique("ghost");
        (await fx.Api().GetAsync(Paths.Fabric(ghost, "database/current"))).ShouldFail(404, 1228);
        (await fx.Api().GetAsync(Paths.Fabric(ghost, "database/metadata"))).ShouldFail(404, 1228);
        (await fx.Api().PutAsync(Paths.Fabric(ghost, "database/metadata"), new { metadata = new { } })).ShouldFail(404, 1228);
        (await fx.Api().GetAsync(Paths.Fabric(ghost, "database"))).ShouldFail(404, 1228);
        (await fx.Api().PostAsync(Paths.Fabric(ghost, "database"), new { name = C8HostFixture.Unique("fab") })).ShouldFail(404, 1228);
        (await fx.Api().DeleteAsync($"{Paths.Databases}/{ghost}")).ShouldFail(404, 1228);
        (await fx.Api().GetAsync(Paths.Collections(ghost))).ShouldFail(404, 1228);
    }

    [Fact]
    public async Task Metadata_is_read_replaced_by_PUT_and_merged_by_PATCH()
    {
        var name = await fx.CreateFabricAsync();
        var path = Paths.Fabric(name, "database/metadata");
        var initial = (await fx.Api().GetAsync(path)).ShouldBe(200).Result;
        Assert.Equal(name, initial.Str("name"));
        Assert.True(initial.Obj("options")["metadata"] is null or JsonObject { Count: 0 });

        var put = (await fx.Api(Dc.EuCentral).PutAsync(path, new { metadata = new { a = 1, b = new { c = 2 } } })).ShouldBe(201);
        Assert.True(put.Json.Bool("result"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"b":{"c":2}}"""), await MetadataAsync(name, Dc.ApSouth)));

        (await fx.Api().PatchAsync(path, new { metadata = new { b = 3, d = "x" } })).ShouldBe(201);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"b":3,"d":"x"}"""), await MetadataAsync(name)));

        (await fx.Api().PutAsync(path, new { metadata = new { z = true } })).ShouldBe(201);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"z":true}"""), await MetadataAsync(name)));

        (await fx.Api().PutAsync(path, new { metadata = "text" })).ShouldFail(400, 10);
        (await fx.Api().PatchAsync(path, new { other = 1 })).ShouldFail(400, 10);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"z":true}"""), await MetadataAsync(name)));
    }

    private async Task<JsonNode?> MetadataAsync(string fabric, string region = Dc.UsWest) =>
        (await fx.Api(region).GetAsync(Paths.Fabric(fabric, "database/metadata"))).ShouldBe(200).Result.Obj("options")["metadata"];

    [Fact]
    public async Task Removing_a_fabric_removes_everything_inside_it_everywhere()
    {
        var name = await fx.CreateFabricAsync();
        var global = await fx.CreateCollectionAsync(name);
        var spot = await fx.CreateCollectionAsync(name, new { isSpot = true });
        (await fx.Api().PostAsync(Paths.Documents(name, global), new[] { new { _key = "a" }, new { _key = "b" } })).ShouldBe(202);
        (await fx.Api().PostAsync(Paths.Documents(name, spot), new { _key = "s" })).ShouldBe(202);
        await fx.DrainAsync();

        var r = (await fx.Api(Dc.EuCentral).DeleteAsync($"{Paths.Databases}/{name}")).ShouldBe(200);
        Assert.True(r.Json.Bool("result"));
        foreach (var region in Dc.All)
        {
            (await fx.Api(region).GetAsync(Paths.Fabric(name, "database/current"))).ShouldFail(404, 1228);
            (await fx.Api(region).GetAsync(Paths.Document(name, global, "a"))).ShouldFail(404, 1228);
            Assert.DoesNotContain(name, (await fx.Api(region).GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings());
        }

        // A fabric created again under the same name starts empty.
        (await fx.Api().PostAsync(Paths.Databases, new { name, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west" } })).ShouldBe(201);
        Assert.Empty((await fx.Api().GetAsync(Paths.Collections(name))).ShouldBe(200).Result.AsArray());
        (await fx.Api().GetAsync(Paths.Document(name, global, "a"))).ShouldFail(404, 1203);
        (await fx.Api().PostAsync(Paths.Collections(name), new { name = global })).ShouldBe(200);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            Assert.Equal(0, (await fx.Api(region).GetAsync(Paths.Collection(name, global, "count"))).ShouldBe(200).Json.Long("count"));
        }
    }

    [Fact]
    public async Task Moving_the_spot_region_keeps_spot_data_and_serves_it_from_the_new_region()
    {
        var name = await fx.CreateFabricAsync(new { dcList = "us-west,eu-central", spotDc = "us-west" });
        var spot = await fx.CreateCollectionAsync(name, new { isSpot = true });
        var before = (await fx.Api(Dc.EuCentral).PostAsync(Paths.Documents(name, spot), new { _key = "k", v = 1 })).ShouldBe(202);

        // pyC8's form (no _api) to a region outside dcList: the region joins the fabric.
        (await fx.Api().PutAsync($"/_fabric/{name}/database/ap-south")).ShouldBe(200);
        var options = (await CurrentAsync(name)).Obj("options");
        Assert.Equal("ap-south", options.Str("spotDc"));
        Assert.Contains("ap-south", options.Str("dcList")!.Split(','));

        foreach (var region in Dc.All)
        {
            var doc = (await fx.Api(region).GetAsync(Paths.Document(name, spot, "k"))).ShouldBe(200);
            Assert.Equal(before.Json.Str("_rev"), doc.Json.Str("_rev"));
        }

        // jsC8's form, with the tenant; then writes land in the new spot region and every region reads them at once.
        (await fx.Api().PutAsync($"/_tenant/local/_fabric/{name}/database/eu-central")).ShouldBe(200);
        Assert.Equal("eu-central", (await CurrentAsync(name, Dc.ApSouth)).Obj("options").Str("spotDc"));
        (await fx.Api(Dc.UsWest).PatchAsync(Paths.Document(name, spot, "k"), new { v = 2 })).ShouldBe(202);
        foreach (var region in Dc.All)
        {
            Assert.Equal(2, (await fx.Api(region).GetAsync(Paths.Document(name, spot, "k"))).ShouldBe(200).Json.Long("v"));
        }

        (await fx.Api().PutAsync($"/_fabric/{name}/database/mars-north")).ShouldBe(400);
        Assert.Equal("eu-central", (await CurrentAsync(name)).Obj("options").Str("spotDc"));
    }

    [Fact]
    public async Task The_spot_region_cannot_move_to_a_region_that_is_not_spot_capable()
    {
        var name = await fx.CreateFabricAsync();
        try
        {
            (await fx.Api().PutAsync("/datacenter/eu-central/false")).ShouldBe(200);
            (await fx.Api().PutAsync($"/_fabric/{name}/database/eu-central")).ShouldFail(400, 10);
            Assert.Equal("us-west", (await CurrentAsync(name)).Obj("options").Str("spotDc"));
        }
        finally
        {
            (await fx.Api().PutAsync("/datacenter/eu-central/true")).ShouldBe(200);
        }
    }
}
