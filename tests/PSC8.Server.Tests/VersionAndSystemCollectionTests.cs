namespace PSC8.Server.Tests;

/// <summary>
/// GET /_api/version as the published API shows it (get_api_return_rc_200: server "C8DB", version, license), and the
/// system collections C8QL may read (issue 18 item 7).
/// </summary>
public sealed class VersionAndSystemCollectionTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Theory]
    [InlineData("/_api/version")]
    [InlineData("/_fabric/_system/_api/version")]
    [InlineData("/_fabric/_system/version")]
    [InlineData("/_fabric/_system/_api/version?details=False")] // pyC8's fabric.version() (c8/fabric.py)
    public async Task Version_answers_server_version_and_license(string path)
    {
        var version = (await fx.Api(Dc.EuCentral).GetAsync(path)).ShouldBe(200).Object;
        Assert.Equal("C8DB", version.Str("server"));
        Assert.Equal("Macrometa", version.Str("license"));
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Str("version"));
        Assert.False(version.Has("details"));
    }

    [Fact]
    public async Task Version_details_advertise_overwriteMode_and_need_a_caller_and_a_fabric()
    {
        var details = (await fx.Api(Dc.ApSouth).GetAsync("/_api/version?details=true")).ShouldBe(200).Json.Obj("details");
        Assert.Equal("supported", details.Str("overwriteMode"));
        Assert.Equal(Dc.ApSouth, details.Str("region"));
        (await fx.Anonymous().GetAsync("/_api/version")).ShouldFail(401, 11);
        (await fx.Api().GetAsync("/_fabric/nofabric/_api/version")).ShouldFail(404, 1228);
    }

    [Fact]
    public async Task A_server_that_does_not_advertise_extensions_leaves_overwriteMode_out()
    {
        await using var host = await C8LocalHost.StartAsync(C8LocalOptions.ForTests(Dc.UsWest) with { AdvertiseExtensions = false });
        using var http = new HttpClient { BaseAddress = host.UrlOf(Dc.UsWest) };
        var login = await http.PostAsync("/_open/auth", JsonContent(new JsonObject { ["email"] = host.RootEmail, ["password"] = host.RootPassword }));
        var jwt = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["jwt"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_api/version?details=true");
        request.Headers.Add("Authorization", "bearer " + jwt);
        var details = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!["details"]!.AsObject();
        Assert.False(details.ContainsKey("overwriteMode"));
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task C8QL_reads_the_collections_of_the_fabric_from_underscore_collections_but_never_writes_there()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        var cursor = Paths.Fabric(fabric, "cursor");
        var rows = (await fx.Api().PostAsync(cursor, new { query = "FOR coll IN _collections RETURN coll" })).ShouldBe(201).Result.AsArray();
        var row = Assert.Single(rows, r => r.Str("name") == c);
        Assert.Equal($"_collections/{c}", row.Str("_id"));
        Assert.Equal("DOC", row.Str("collectionModel"));
        Assert.Equal(rows.Count, (await fx.Api().PostAsync(cursor, new { query = "RETURN LENGTH(_collections)" })).ShouldBe(201).Result[0]!.GetValue<long>());

        (await fx.Api().PostAsync(cursor, new { query = "INSERT { name: 'x' } INTO _collections" })).ShouldFail(403, 11);
        (await fx.Api().PostAsync(cursor, new { query = $"FOR coll IN _collections REMOVE coll IN _collections" })).ShouldFail(403, 11);
        Assert.Contains(c, (await fx.Api().GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray().Select(x => x.Str("name")));

        // A caller sees only the collections it has a level on.
        var other = await fx.CreateCollectionAsync(fabric);
        var user = await fx.AddUserAsync((fabric, "", AccessLevel.ReadOnly), (fabric, other, AccessLevel.None));
        var seen = (await fx.WithToken(user.Token).PostAsync(cursor, new { query = "FOR coll IN _collections RETURN coll.name" })).ShouldBe(201).Result.Strings();
        Assert.Contains(c, seen);
        Assert.DoesNotContain(other, seen);
    }

    [Fact]
    public async Task A_keys_collection_level_reads_back_as_set_then_the_star_default_then_the_fabric_level()
    {
        // Issue 15 item 5: a key with ro on a collection but no fabric level read back "none".
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        var other = await fx.CreateCollectionAsync(fabric);
        var keyId = "k" + Guid.NewGuid().ToString("N")[..10];
        var api = fx.Api();
        (await api.PostAsync("/_api/key", new { keyid = keyId })).ShouldBe(201);
        string Level(HttpExchange r) => r.ShouldBe(200).Result.GetValue<string>();
        var path = $"/_api/key/{keyId}/database/{fabric}/collection";

        (await api.PutAsync($"{path}/{c}", new { grant = "ro" })).ShouldBe(200);
        Assert.Equal("ro", Level(await api.GetAsync($"{path}/{c}")));
        Assert.Equal("none", Level(await api.GetAsync($"{path}/{other}")));

        (await api.PutAsync($"{path}/*", new { grant = "rw" })).ShouldBe(200);
        Assert.Equal("ro", Level(await api.GetAsync($"{path}/{c}")));
        Assert.Equal("rw", Level(await api.GetAsync($"{path}/{other}")));

        (await api.DeleteAsync($"{path}/*")).ShouldBe(202);
        (await api.PutAsync($"/_api/key/{keyId}/database/{fabric}", new { grant = "rw" })).ShouldBe(200);
        Assert.Equal("ro", Level(await api.GetAsync($"{path}/{c}")));
        Assert.Equal("rw", Level(await api.GetAsync($"{path}/{other}")));
    }
}
