namespace PSC8.Module.Tests.Cmdlets;

/// <summary>New-, Get-, Set- and Remove-C8Fabric: the regions, spot region and metadata asked for, found case-insensitively.</summary>
public sealed class FabricCmdletTests : CmdletTest
{
    private readonly string _name = C8LocalFixture.Unique("fab");

    public FabricCmdletTests(ModuleServers servers)
        : base(servers)
    {
        Shell.Set("Name", _name);
        ConnectRoot();
    }

    [Fact]
    public async Task A_fabric_gets_the_regions_spot_region_and_metadata_asked_for_and_merges_more()
    {
        var created = Run("New-C8Fabric $Name -Region us-west, eu-central -SpotDc eu-central -Metadata @{ owner = 'ops' }").ShouldSucceed();
        var found = Run("Get-C8Fabric $Name.ToUpperInvariant()").ShouldSucceed();
        Run("Set-C8Fabric $Name -Metadata @{ team = 'db' } -Merge").ShouldSucceed();
        var merged = (await C8.Root.Fabrics.GetAsync(_name)).Metadata!.Value;
        Run("Get-C8Fabric $Name | Remove-C8Fabric -Force").ShouldSucceed();

        var fabric = Assert.Single(created.Objects<C8Fabric>());
        Assert.Equal("eu-central", fabric.SpotRegion);
        Assert.Equal(new[] { "us-west", "eu-central" }, fabric.Regions);
        Assert.Equal("ops", fabric.Metadata!.Value.GetProperty("owner").GetString());
        Assert.Equal(_name, Assert.Single(found.Objects<C8Fabric>()).Name);
        Assert.Equal("ops", merged.GetProperty("owner").GetString());
        Assert.Equal("db", merged.GetProperty("team").GetString());
        Assert.False(await C8.Root.Fabrics.ExistsAsync(_name));
    }

    [Fact]
    public async Task A_fabric_piped_to_Get_C8Collection_lists_its_collections()
    {
        Run("New-C8Fabric $Name").ShouldSucceed();
        try
        {
            await C8.Root.Collections.CreateAsync(_name, "orders");
            await C8.Root.Collections.CreateAsync(_name, "invoices");

            var listed = Run("Get-C8Fabric $Name | Get-C8Collection").ShouldSucceed();

            Assert.Equal(new[] { "invoices", "orders" }, listed.Objects<C8Collection>().Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.All(listed.Objects<C8Collection>(), c => Assert.Equal(_name, c.Fabric));
        }
        finally
        {
            await C8.Root.Fabrics.DeleteAsync(_name);
        }
    }
}
