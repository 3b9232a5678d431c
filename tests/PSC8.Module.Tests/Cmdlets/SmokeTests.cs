namespace PSC8.Module.Tests.Cmdlets;

public sealed class SmokeTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void Regions()
    {
        ConnectRoot();
        var r = Run("Get-C8Region").ShouldSucceed();
        Assert.Equal(3, r.Output.Count);
    }
}
