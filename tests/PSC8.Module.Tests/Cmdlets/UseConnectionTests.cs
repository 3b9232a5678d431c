namespace PSC8.Module.Tests.Cmdlets;

/// <summary>Use-C8Connection: switching the session default among open connections, and its fabric, safely.</summary>
public sealed class UseConnectionTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void The_chosen_connection_becomes_the_default_and_commands_go_to_its_region()
    {
        var result = Run("""
            $us = Connect-C8 $Url -Credential $Credential
            $eu = Connect-C8 $Regions['eu-central'] -Credential $Credential -KeepDefault
            (Get-C8Region -Local).Name
            Use-C8Connection $eu
            (Get-C8Region -Local).Name
            $eu | Use-C8Connection -PassThru
            Use-C8Connection -Id $us.Id
            (Get-C8Region -Local).Name
            """).ShouldSucceed();
        var all = Run("Get-C8Connection -All").ShouldSucceed().Objects<C8Session>().ToArray();

        Assert.Equal("us-west", result.Output[0].BaseObject);
        Assert.Equal("eu-central", result.Output[1].BaseObject);
        Assert.Equal("eu-central", Assert.IsType<C8Session>(result.Output[2].BaseObject).Region);
        Assert.Equal("us-west", result.Output[3].BaseObject);
        Assert.Equal(new[] { true, false }, all.Select(s => s.IsDefault));
    }

    [Fact]
    public async Task Fabric_switches_only_to_a_fabric_that_exists()
    {
        var fabric = C8LocalFixture.Unique("use");
        await C8.Root.Fabrics.CreateAsync(fabric);
        Shell.Set("Target", fabric);
        try
        {
            Run("$c = Connect-C8 $Url -Credential $Credential").ShouldSucceed();
            var missing = RunCaught("Use-C8Connection $c -Fabric nosuchfabric").Terminating;
            var unchanged = Run("(Get-C8Connection).Fabric").ShouldSucceed().Output.Single().BaseObject;
            Run("Use-C8Connection $c -Fabric $Target").ShouldSucceed();
            var switched = Run("(Get-C8Connection).Fabric; New-C8Collection -Name inuse | Out-Null; (Get-C8Collection inuse).Name").ShouldSucceed();

            ErrorRecordAssert.Matches(missing, "C8.FabricNotFound", ErrorCategory.ObjectNotFound);
            Assert.Equal("_system", unchanged);
            Assert.Equal(new object[] { fabric, "inuse" }, switched.Output.Select(o => o.BaseObject));
            Assert.Contains(await C8.Root.Collections.ListAsync(fabric), c => c.Name == "inuse");
        }
        finally
        {
            await C8.Root.Fabrics.DeleteAsync(fabric);
        }
    }

    [Fact]
    public void Closed_and_unknown_connections_are_refused_and_the_default_stays()
    {
        Run("$first = Connect-C8 $Url -Credential $Credential; $second = Connect-C8 $Url -Credential $Credential -KeepDefault; Disconnect-C8 $second").ShouldSucceed();

        ErrorRecordAssert.Matches(RunCaught("Use-C8Connection $second").Terminating, "C8.ConnectionClosed", ErrorCategory.ConnectionError);
        ErrorRecordAssert.Matches(RunCaught("Use-C8Connection -Id 99").Terminating, "C8.ConnectionNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(true, Run("$first.IsDefault").ShouldSucceed().Output.Single().BaseObject);
    }

    [Fact]
    public void A_connection_of_another_runspace_cannot_become_the_default_here()
    {
        var foreign = Assert.Single(Run("Connect-C8 $Url -Credential $Credential").ShouldSucceed().Output);
        using var other = new PowerShellSession();
        other.Set("Foreign", foreign);

        var refused = other.Run("try { Use-C8Connection $Foreign } catch { $_.FullyQualifiedErrorId }").Output.Single().BaseObject;

        Assert.Equal("C8.ForeignConnection,PSC8.Commands.UseC8ConnectionCommand", refused);
        Assert.Empty(other.Run("Get-C8Connection").ShouldSucceed().Output);
    }
}
