namespace PSC8.Client.Tests;

public sealed class RegionTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    protected override bool NeedsFabric => false;

    [Fact]
    public async Task Lists_all_regions_with_the_serving_one_marked_local()
    {
        var regions = await Root.Regions.ListAllAsync();
        Assert.Equal(Fixture.Host.Regions.Select(r => r.Name).OrderBy(n => n), regions.Select(r => r.Name).OrderBy(n => n));
        var local = Assert.Single(regions, r => r.IsLocal);
        Assert.Equal(Root.Region, local.Name);
        Assert.All(regions, r => Assert.True(r.IsOnline));
        Assert.All(regions, r => Assert.False(string.IsNullOrEmpty(r.ApiHost)));
    }

    [Fact]
    public async Task Local_region_depends_on_the_url()
    {
        using var ap = await Fixture.ConnectAsync(url: Fixture.Host.UrlOf("ap-south"));
        var local = await ap.Regions.GetLocalAsync();
        Assert.Equal("ap-south", local.Name);
        Assert.True(local.IsLocal);
    }

    [Fact]
    public async Task Gets_one_region_by_name_and_maps_an_unknown_one()
    {
        var region = await Root.Regions.GetAsync("eu-central");
        Assert.Equal("eu-central", region.Name);

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Regions.GetAsync("no-such-region"));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(102024, ex.ErrorNum);
        Assert.Equal("C8.RegionNotFound", ex.ErrorId);
        Assert.Equal("ObjectNotFound", ex.Category);
        Assert.Equal("/datacenter/no-such-region", ex.Path);
    }

    [Fact]
    public async Task Lists_the_tenant_regions()
    {
        var regions = await Root.Regions.ListForTenantAsync();
        Assert.Equal(Fixture.Host.Regions.Select(r => r.Name).OrderBy(n => n), regions.Select(r => r.Name).OrderBy(n => n));
    }

    [Fact]
    public async Task Spot_capability_can_be_switched()
    {
        try
        {
            await Root.Regions.SetSpotCapableAsync("ap-south", false);
            Assert.False((await Root.Regions.ListAllAsync()).Single(r => r.Name == "ap-south").IsSpotCapable);
            await Root.Regions.SetSpotCapableAsync("ap-south", true);
            Assert.True((await Root.Regions.ListAllAsync()).Single(r => r.Name == "ap-south").IsSpotCapable);
        }
        finally
        {
            await Root.Regions.SetSpotCapableAsync("ap-south", true);
        }
    }
}
