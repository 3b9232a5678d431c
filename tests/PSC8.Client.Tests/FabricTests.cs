namespace PSC8.Client.Tests;

public sealed class FabricTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    protected override bool NeedsFabric => false;

    [Fact]
    public async Task Creates_gets_lists_and_deletes_a_fabric_with_a_named_spot_region()
    {
        var name = await CreateFabricAsync("geo", C8SpotRegion.Named("eu-central"), "us-west", "eu-central");

        var fabric = await Root.Fabrics.GetAsync(name);
        Assert.Equal(name, fabric.Name);
        Assert.Equal(new[] { "eu-central", "us-west" }, fabric.Regions.OrderBy(r => r));
        Assert.Equal("eu-central", fabric.SpotRegion);
        Assert.True(fabric.HasSpotRegion);
        Assert.False(fabric.IsSystem);
        Assert.Equal(Fixture.Host.Tenant, fabric.Tenant);

        Assert.Contains(name, await Root.Fabrics.ListNamesAsync());
        Assert.Contains(await Root.Fabrics.ListAsync(), f => f.Name == name && f.SpotRegion == "eu-central");
        Assert.True(await Root.Fabrics.ExistsAsync(name));

        await Root.Fabrics.DeleteAsync(name);
        Assert.False(await Root.Fabrics.ExistsAsync(name));
        Assert.DoesNotContain(name, await Root.Fabrics.ListNamesAsync());
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Fabrics.GetAsync(name));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(1228, ex.ErrorNum);
        Assert.Equal("C8.FabricNotFound", ex.ErrorId);
    }

    [Fact]
    public async Task Spot_region_none_and_automatic()
    {
        var none = await CreateFabricAsync("nospot", C8SpotRegion.None);
        var auto = await CreateFabricAsync("autospot", C8SpotRegion.Automatic);

        var noneFabric = await Root.Fabrics.GetAsync(none);
        Assert.Null(noneFabric.SpotRegion);
        Assert.False(noneFabric.HasSpotRegion);

        var autoFabric = await Root.Fabrics.GetAsync(auto);
        Assert.True(autoFabric.HasSpotRegion);
        Assert.Contains(autoFabric.SpotRegion, Fixture.Host.Regions.Select(r => r.Name));
    }

    [Fact]
    public async Task Current_fabric_is_the_default_fabric()
    {
        var system = await Root.Fabrics.GetAsync();
        Assert.Equal("_system", system.Name);
        Assert.True(system.IsSystem);
    }

    [Fact]
    public async Task Duplicate_fabric_is_ResourceExists()
    {
        var name = await CreateFabricAsync("dup", C8SpotRegion.None);
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Fabrics.CreateAsync(name, new C8FabricCreateOptions { SpotRegion = C8SpotRegion.None }));
        Assert.Equal(409, ex.StatusCode);
        Assert.Equal(1207, ex.ErrorNum);
        Assert.Equal("C8.DuplicateName", ex.ErrorId);
        Assert.Equal("ResourceExists", ex.Category);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/_fabric/_system/_api/database", ex.Path);
    }

    [Fact]
    public async Task Deleting_a_missing_fabric_is_ObjectNotFound()
    {
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Fabrics.DeleteAsync(C8LocalFixture.Unique("missing")));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("C8.FabricNotFound", ex.ErrorId);
    }

    [Fact]
    public async Task Metadata_is_created_replaced_and_merged()
    {
        var name = C8LocalFixture.Unique("meta");
        Track(name);
        var options = new C8FabricCreateOptions { SpotRegion = C8SpotRegion.None, Metadata = J("{\"owner\":\"ops\",\"tier\":1}") };
        options.Regions.Add("us-west");
        await Root.Fabrics.CreateAsync(name, options);

        var initial = await Root.Fabrics.GetMetadataAsync(name);
        Assert.Equal("ops", initial!.Value.GetProperty("owner").GetString());
        Assert.Equal("ops", (await Root.Fabrics.GetAsync(name)).Metadata!.Value.GetProperty("owner").GetString());

        await Root.Fabrics.SetMetadataAsync(name, J("{\"tier\":2}"));
        var replaced = (await Root.Fabrics.GetMetadataAsync(name))!.Value;
        Assert.Equal(2, replaced.GetProperty("tier").GetInt32());
        Assert.False(replaced.TryGetProperty("owner", out _));

        await Root.Fabrics.UpdateMetadataAsync(name, J("{\"region\":\"eu\"}"));
        var merged = (await Root.Fabrics.GetMetadataAsync(name))!.Value;
        Assert.Equal(2, merged.GetProperty("tier").GetInt32());
        Assert.Equal("eu", merged.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Metadata_of_a_missing_fabric_is_ObjectNotFound()
    {
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Fabrics.GetMetadataAsync(C8LocalFixture.Unique("nometa")));
        Assert.Equal("C8.FabricNotFound", ex.ErrorId);
    }

    [Fact]
    public async Task Spot_region_can_be_moved()
    {
        var name = await CreateFabricAsync("move", C8SpotRegion.Named("us-west"));
        await Root.Fabrics.SetSpotRegionAsync(name, "ap-south");
        Assert.Equal("ap-south", (await Root.Fabrics.GetAsync(name)).SpotRegion);
    }
}
