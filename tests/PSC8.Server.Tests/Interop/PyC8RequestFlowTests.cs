namespace PSC8.Server.Tests.Interop;

/// <summary>
/// pyC8 cannot be installed here, so this replays, request by request, what pyC8 sends in the documented
/// API-key flow (its headers, 0/1 query booleans, the header-less tenant probe, a host as spotDc) and checks
/// every field pyC8 reads from the answers — the ones whose absence makes it raise.
/// </summary>
public sealed class PyC8RequestFlowTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task Documented_api_key_flow_answers_what_pyc8_reads()
    {
        var key = fx.AddApiKey((FabricNames.System, "", AccessLevel.ReadWrite));
        var keyId = key.Split('.')[^2];
        var client = fx.Api(Dc.UsWest).WithAuthorization("apikey " + key);
        const string spot = "spot_py";

        // The tenant probe is sent with a bare requests.get: no content-type, no charset.
        var users = (await client.SendRawAsync(HttpMethod.Get, "/_api/user", null, null)).ShouldBe(200).Result.AsArray();
        Assert.Equal(fx.Host.Tenant, users[0]!["tenant"]!.GetValue<string>());

        var tenantRegions = (await client.GetAsync($"/datacenter/_tenant/{fx.Host.Tenant}", PyC8Requests.Headers)).ShouldBe(200).Array;
        var dcList = tenantRegions[0]!["dcInfo"]!.AsArray().Select(dc => dc!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Dc.All, dcList);

        var fabrics = (await client.GetAsync(Paths.Databases, PyC8Requests.Headers)).ShouldBe(200).Result.AsArray();
        Assert.DoesNotContain(spot, fabrics.Select(f => f!.GetValue<string>()));

        // SPOT_REGION with a host, as the docs' sample passes it.
        (await client.PostAsync(Paths.Databases, new JsonObject
        {
            ["name"] = spot,
            ["options"] = new JsonObject { ["dcList"] = string.Join(',', dcList), ["spotDc"] = fx.RegionHost(Dc.EuCentral) },
        }, PyC8Requests.Headers)).ShouldBe(201);
        var grant = (await client.PutAsync($"/_api/key/{keyId}/database/{spot}", new { grant = "rw" }, PyC8Requests.Headers)).ShouldBe(200).Object;
        Assert.Equal("rw", grant[$"{fx.Host.Tenant}.{spot}"]!.GetValue<string>());

        var properties = (await client.GetAsync(Paths.Fabric(spot, "database/current"), PyC8Requests.Headers)).ShouldBe(200).Result;
        Assert.False(properties["isSystem"]!.GetValue<bool>());
        Assert.Equal(Dc.EuCentral, properties["options"]!["spotDc"]!.GetValue<string>());
        Assert.Equal(dcList, properties["options"]!["dcList"]!.GetValue<string>().Split(','));

        (await client.PostAsync(Paths.Collections(spot), new JsonObject
        {
            ["name"] = "accounts", ["waitForSync"] = false,
            ["keyOptions"] = new JsonObject { ["type"] = "traditional", ["allowUserKeys"] = true },
            ["type"] = 2, ["isSpot"] = true, ["strongConsistency"] = true, ["isLocal"] = false, ["isSystem"] = false, ["stream"] = false,
        }, PyC8Requests.Headers)).ShouldBe(200);
        var listed = (await client.GetAsync(Paths.Collections(spot), PyC8Requests.Headers)).ShouldBe(200).Result.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == "accounts")!;
        foreach (var field in new[] { "id", "name", "isSystem", "type", "status", "collectionModel", "isSpot" })
        {
            Assert.NotNull(listed[field]);
        }
        Assert.True(listed["isSpot"]!.GetValue<bool>());

        var accounts = Enumerable.Range(1, 5).Select(i => new { _key = i.ToString(), firstname = $"F{i}", City = "C" }).ToArray();
        var inserted = (await client.PostAsync(Paths.Documents(spot, "accounts", "returnNew=0&silent=0"), accounts, PyC8Requests.Headers)).ShouldBe(202).Array;
        Assert.All(inserted, item => Assert.Null(item!["error"]));
        var again = (await client.PostAsync(Paths.Documents(spot, "accounts", "returnNew=0&silent=0"), accounts, PyC8Requests.Headers)).ShouldBe(202);
        Assert.All(again.Array, item => Assert.Equal(1210, item!["errorNum"]!.GetValue<int>()));
        Assert.Equal("{\"1210\":5}", again.Header("X-C8-Error-Codes"));

        var workers = (await client.GetAsync(Paths.Fabric(spot, "restql/user"), PyC8Requests.Headers)).ShouldBe(200).Result.AsArray();
        Assert.Empty(workers);
        var saved = (await client.PostAsync(Paths.Fabric(spot, "restql"),
            new { query = new { name = "read_query", value = "FOR account IN accounts RETURN account" } }, PyC8Requests.Headers)).ShouldBe(200).Result;
        Assert.Equal($"{fx.Host.Tenant}.root", saved["userid"]!.GetValue<string>());

        // Step 5 of the sample: the same worker through every region returns the same rows.
        foreach (var region in Dc.All)
        {
            var regional = fx.Api(region).WithAuthorization("apikey " + key);
            var run = (await regional.PostAsync(Paths.Fabric(spot, "restql/execute/read_query"), new JsonObject(), PyC8Requests.Headers)).ShouldBe(201).Object;
            Assert.False(run["hasMore"]!.GetValue<bool>());
            Assert.Equal(["1", "2", "3", "4", "5"], run["result"]!.AsArray().Select(d => d!["_key"]!.GetValue<string>()).Order());
        }

        (await client.PutAsync(Paths.Collection(spot, "accounts", "truncate"), null, PyC8Requests.Headers)).ShouldBe(200);
        (await client.DeleteAsync(Paths.Collection(spot, "accounts"), null, PyC8Requests.Headers)).ShouldBe(200);
        Assert.True((await client.DeleteAsync($"{Paths.Databases}/{spot}", null, PyC8Requests.Headers)).ShouldBe(200).Result.GetValue<bool>());
    }

    [Fact]
    public async Task Password_login_without_a_content_type_returns_the_jwt_and_tenant()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"email\":\"{fx.Host.RootEmail}\",\"password\":\"{fx.Host.RootPassword}\"}}");
        var login = (await fx.Anonymous().SendRawAsync(HttpMethod.Post, "/_open/auth", body, null)).ShouldBe(200).Object;
        Assert.Equal(fx.Host.Tenant, login["tenant"]!.GetValue<string>());
        Assert.Equal("root", login["username"]!.GetValue<string>());
        var jwt = login["jwt"]!.GetValue<string>();
        (await fx.Api().WithAuthorization("bearer " + jwt).GetAsync(Paths.Databases)).ShouldBe(200);
    }
}
