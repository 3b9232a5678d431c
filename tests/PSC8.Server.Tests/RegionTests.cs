namespace PSC8.Server.Tests;

/// <summary>/datacenter/all|local|{name}|_tenant/{t}, PUT /datacenter/{dc}/{bool}, and x-gdn-region on every response.</summary>
public sealed class RegionTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Theory]
    [InlineData(Dc.UsWest)]
    [InlineData(Dc.EuCentral)]
    [InlineData(Dc.ApSouth)]
    public async Task All_lists_every_region_in_GDN_shape_with_the_receiving_one_local(string receiving)
    {
        var regions = (await fx.Api(receiving).GetAsync("/datacenter/all")).ShouldBe(200).Array;

        Assert.Equal(Dc.All.Order(), regions.Select(r => r.Str("name")!).Order());
        foreach (var region in regions)
        {
            var name = region.Str("name")!;
            Assert.Equal(name, region.Str("_key"));
            Assert.Equal(name == receiving, region.Bool("local"));
            Assert.False(string.IsNullOrEmpty(region.Str("host")));
            Assert.NotNull(region.Bool("spot_region"));
            Assert.Equal(0, region.Long("status"));
            var tags = region.Obj("tags");
            Assert.Equal($"{name}.c8.local", tags.Str("url"));
            Assert.Equal("api-" + tags.Str("url"), tags.Str("api"));
            Assert.Equal(name, tags.Str("url")!.Split('.')[0]);
            var location = region.Obj("locationInfo");
            Assert.Equal(tags.Str("url"), location.Str("url"));
            foreach (var field in new[] { "city", "countrycode", "countryname", "latitude", "longitude" })
            {
                Assert.NotNull(location.Str(field));
            }
        }
    }

    [Theory]
    [InlineData(Dc.UsWest)]
    [InlineData(Dc.EuCentral)]
    [InlineData(Dc.ApSouth)]
    public async Task Local_is_the_region_that_answered(string region)
    {
        var r = (await fx.Api(region).GetAsync("/datacenter/local")).ShouldBe(200);
        Assert.Equal(region, r.Json.Str("name"));
        Assert.Equal(region, r.Json.Str("_key"));
        Assert.True(r.Json.Bool("local"));
        Assert.Equal(fx.RegionHost(region), r.Header("x-gdn-region"));
    }

    [Fact]
    public async Task A_region_by_name_is_the_reduced_object_and_an_unknown_one_is_102024()
    {
        var r = (await fx.Api(Dc.UsWest).GetAsync("/datacenter/eu-central")).ShouldBe(200);
        Assert.Equal("eu-central", r.Json.Str("name"));
        Assert.False(r.Json.Bool("local"));
        Assert.Equal("eu-central.c8.local", r.Json.Obj("tags").Str("url"));
        Assert.False(r.Json.Has("_key"));
        Assert.False(r.Json.Has("host"));
        Assert.False(r.Json.Has("spot_region"));

        var missing = (await fx.Api().GetAsync("/datacenter/mars-north")).ShouldFail(404, 102024);
        Assert.Equal("Datacenter does not exist", missing.Json.Str("errorMessage"));
    }

    [Fact]
    public async Task Tenant_regions_are_wrapped_in_tenant_and_dcInfo()
    {
        var r = (await fx.Api(Dc.ApSouth).GetAsync("/datacenter/_tenant/local")).ShouldBe(200);
        var entry = Assert.Single(r.Array);
        Assert.Equal("local", entry.Str("tenant"));
        var dcInfo = entry.Arr("dcInfo");
        Assert.Equal(Dc.All.Order(), dcInfo.Select(d => d.Str("name")!).Order());
        Assert.All(dcInfo, d => Assert.Equal("_clusters/" + d.Str("name"), d.Str("_id")));
        Assert.All(dcInfo, d => Assert.Equal(d.Str("name") == Dc.ApSouth, d.Bool("local")));

        (await fx.Api().GetAsync("/datacenter/_tenant/someone-else")).ShouldBe(404);
    }

    [Fact]
    public async Task Spot_capability_is_switched_by_an_admin_and_governs_spot_regions()
    {
        try
        {
            var off = (await fx.Api().PutAsync("/datacenter/ap-south/false")).ShouldBe(200);
            Assert.True(off.Json.Bool("result"));
            Assert.False(await SpotCapableAsync(Dc.ApSouth));
            Assert.True(await SpotCapableAsync(Dc.EuCentral));

            // Not capable: refused as an explicit spot region, never picked automatically.
            (await fx.Api().PostAsync(Paths.Databases, new { name = C8HostFixture.Unique("nospot"), options = new { dcList = "ap-south", spotDc = "ap-south" } }))
                .ShouldFail(400, 10);
            var automatic = await fx.CreateFabricAsync(new { dcList = "ap-south" });
            var current = (await fx.Api().GetAsync(Paths.Fabric(automatic, "database/current"))).ShouldBe(200);
            Assert.Equal("", current.Result.Obj("options").Str("spotDc"));

            // jsC8's alias, and pyC8's json.dumps(bool) spelling.
            (await fx.Api(Dc.EuCentral).PutAsync("/_api/datacenter/ap-south/true")).ShouldBe(200);
            Assert.True(await SpotCapableAsync(Dc.ApSouth));
            (await fx.Api().PutAsync("/datacenter/ap-south/False")).ShouldBe(200);
            Assert.False(await SpotCapableAsync(Dc.ApSouth));

            (await fx.Api().PutAsync("/datacenter/ap-south/maybe")).ShouldFail(400, 10);
            (await fx.Api().PutAsync("/datacenter/mars-north/true")).ShouldFail(404, 102024);
        }
        finally
        {
            (await fx.Api().PutAsync("/datacenter/ap-south/true")).ShouldBe(200);
        }
    }

    [Fact]
    public async Task Every_response_names_its_region_whatever_the_outcome()
    {
        foreach (var region in Dc.All)
        {
            var api = fx.Api(region);
            var ids = new HashSet<string>();
            var responses = new[]
            {
                await api.GetAsync("/datacenter/local"),
                await api.GetAsync("/_fabric/_system/_api/collection/no-such-collection"),
                await api.WithAuthorization(null).GetAsync("/_api/collection"),
                await api.DeleteAsync("/datacenter/all"),
                await api.GetAsync("/no/such/path"),
                await api.WithAuthorization(null).PostAsync("/_open/auth", new { email = "x@y.z", password = "p" }),
                await api.WithAuthorization(null).GetAsync("/_open/health"),
            };
            Assert.Equal([200, 404, 401, 405, 404, 401, 200], responses.Select(r => r.Status));
            foreach (var r in responses)
            {
                Assert.Equal(fx.RegionHost(region), r.Header("x-gdn-region"));
                Assert.True(Guid.TryParse(r.Header("x-gdn-requestid"), out _), $"x-gdn-requestid: {r.Header("x-gdn-requestid")}");
                Assert.True(ids.Add(r.Header("x-gdn-requestid")!));
                Assert.NotNull(r.Header("x-gdn-responsetime"));
            }
        }
    }

    [Fact]
    public async Task A_Host_header_naming_a_region_selects_that_region()
    {
        var api = fx.Api(Dc.UsWest).WithExpectedRegionHost(fx.RegionHost(Dc.EuCentral));
        var byApiHost = (await api.GetAsync("/datacenter/local", m => m.Headers.Host = "api-eu-central.c8.local")).ShouldBe(200);
        Assert.Equal(Dc.EuCentral, byApiHost.Json.Str("name"));
        var byUiHost = (await api.GetAsync("/datacenter/local", m => m.Headers.Host = "eu-central.c8.local")).ShouldBe(200);
        Assert.Equal(Dc.EuCentral, byUiHost.Json.Str("name"));
    }

    [Fact]
    public async Task An_isolated_region_reports_a_non_zero_status()
    {
        try
        {
            (await fx.Api().PutAsync(Paths.Faults, new { isolated = new[] { Dc.ApSouth } })).ShouldBe(200);
            var regions = (await fx.Api().GetAsync("/datacenter/all")).ShouldBe(200).Array;
            Assert.NotEqual(0, regions.Single(r => r.Str("name") == Dc.ApSouth).Long("status"));
            Assert.Equal(0, regions.Single(r => r.Str("name") == Dc.UsWest).Long("status"));
        }
        finally
        {
            (await fx.Api().PutAsync(Paths.Faults, new { isolated = Array.Empty<string>() })).ShouldBe(200);
        }
    }

    private async Task<bool> SpotCapableAsync(string region)
    {
        var all = (await fx.Api().GetAsync("/datacenter/all")).ShouldBe(200).Array;
        return all.Single(r => r.Str("name") == region).Bool("spot_region") ?? throw new InvalidOperationException("spot_region missing");
    }
}
