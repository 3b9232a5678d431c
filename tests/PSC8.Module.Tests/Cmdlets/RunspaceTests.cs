namespace PSC8.Module.Tests.Cmdlets;

/// <summary>Runspaces of one process share the module's assembly but never each other's connections.</summary>
public sealed class RunspaceTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void Reimporting_the_module_in_another_runspace_leaves_this_runspaces_connections_open()
    {
        ConnectRoot();
        using (var other = new PowerShellSession())
        {
            other.Run("Import-Module (Get-Module PSC8).Path.Replace('PSC8.dll', 'PSC8.psd1') -Force; Remove-Module PSC8").ShouldSucceed();
        }

        var still = Run("(Get-C8Connection).IsOpen; @(Get-C8Region).Count").ShouldSucceed();

        Assert.Equal(new object[] { true, 3 }, still.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_default_set_in_one_runspace_is_not_the_default_of_another()
    {
        ConnectRoot();
        using var other = new PowerShellSession();

        var there = other.Run("Get-C8Region");

        // A cmdlet's terminating error ends its statement; in a script it arrives on the error stream.
        Assert.Equal("C8.NotConnected,PSC8.Commands.GetC8RegionCommand", Assert.Single(there.Errors).FullyQualifiedErrorId);
    }
}
