namespace PSC8.Module.Tests.Cmdlets;

/// <summary>Get-C8Region: every region with its spot flag, filtered by wildcard, and the one serving a connection.</summary>
public sealed class RegionCmdletTests : CmdletTest
{
    public RegionCmdletTests(ModuleServers servers)
        : base(servers)
    {
        ConnectRoot();
    }

    [Fact]
    public void Regions_are_listed_with_their_spot_flag_and_filtered_by_wildcard_case_insensitively()
    {
        var all = Run("Get-C8Region").ShouldSucceed().Objects<C8Region>().ToArray();
        var europe = Run("Get-C8Region EU*").ShouldSucceed().Objects<C8Region>();

        Assert.Equal(new[] { "us-west", "eu-central", "ap-south" }, all.Select(r => r.Name));
        Assert.All(all, r => Assert.True(r.IsSpotCapable));
        Assert.Equal("eu-central", Assert.Single(europe).Name);
    }

    [Fact]
    public void Local_is_the_region_serving_the_connection()
    {
        var local = Run("$eu = Connect-C8 $Regions['eu-central'] -Credential $Credential -KeepDefault; Get-C8Region -Local -Connection $eu").ShouldSucceed();
        var global = Run("Get-C8Region -Local").ShouldSucceed();

        Assert.Equal("eu-central", Assert.Single(local.Objects<C8Region>()).Name);
        Assert.Equal("us-west", Assert.Single(global.Objects<C8Region>()).Name);
    }
}
