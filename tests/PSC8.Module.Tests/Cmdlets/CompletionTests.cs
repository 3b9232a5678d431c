using System.Diagnostics;
using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Tab completion through PowerShell's own TabExpansion2: names come from the connection the command line will use and
/// its -Fabric; without a connection, or against a server that stopped, nothing is offered, quickly.
/// </summary>
public sealed class CompletionTests(ModuleServers servers) : FabricTest(servers)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CollectionAsync("orders");
        await CollectionAsync("Other");
        await Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("read_all", "RETURN 1"));
    }

    [Fact]
    public void Names_are_offered_from_the_connection_and_the_fabric_on_the_command_line()
    {
        Assert.Equal(new[] { Fabric }, Complete("Get-C8Collection -Fabric " + Fabric[..^2]));
        Assert.Equal(new[] { "orders", "Other" }, Complete("Get-C8Document -Fabric " + Fabric + " -Collection o"));
        Assert.Equal(new[] { "orders" }, Complete("Get-C8Document -Fabric " + Fabric + " -Collection 'or"));
        Assert.Equal(new[] { "read_all" }, Complete("Invoke-C8RestQL -Fabric " + Fabric + " -Name r"));
        Assert.Equal(new[] { "eu-central" }, Complete("New-C8Fabric x -Region EU"));
        Assert.Empty(Complete("Get-C8Document -Fabric nosuch -Collection o"));

        Run("Disconnect-C8").ShouldSucceed();
        Assert.Empty(Complete("Get-C8Fabric -Name "));
    }

    [Fact]
    public async Task Key_ids_and_user_ids_are_offered_from_the_connection()
    {
        var keyId = C8LocalFixture.Unique("compkey");
        var user = await Root.Users.CreateAsync(new C8UserDefinition(C8LocalFixture.Unique("comp") + "@example.com", C8LocalFixture.Secure("Pw-of-a-user-1")));
        await Root.ApiKeys.CreateAsync(keyId);
        try
        {
            Assert.Equal(new[] { keyId }, Complete("Remove-C8ApiKey " + keyId[..^3]));
            Assert.Equal(new[] { keyId }, Complete("Set-C8AccessLevel -ApiKeyId " + keyId[..^3]));
            Assert.Equal(new[] { user.User }, Complete("Remove-C8User " + user.User[..^2]));
            Assert.Equal(new[] { "root" }, Complete("Get-C8AccessLevel -User ro"));
        }
        finally
        {
            await Root.ApiKeys.DeleteAsync(keyId);
            await Root.Users.DeleteAsync(user.User);
        }
    }

    [Fact]
    public void Names_come_from_the_Connection_given_on_the_command_line()
    {
        Run("$other = Connect-C8 $OtherUrl -Credential $OtherCredential -KeepDefault").ShouldSucceed();

        Assert.Equal(new[] { "ap-south", "eu-central", "us-west" }, Complete("Get-C8Region -Name "));
        Assert.Equal(new[] { "eu-west" }, Complete("Get-C8Region -Connection $other -Name "));
    }

    [Fact]
    public async Task A_server_that_stopped_offers_nothing_quickly()
    {
        await using (var solo = await C8LocalHost.StartAsync(C8LocalOptions.ForTests("solo")))
        {
            Shell.Set("Solo", solo.GlobalUrl.ToString()).Set("SoloCredential", new PSCredential(solo.RootEmail, C8LocalFixture.Secure(solo.RootPassword)));
            Run("Connect-C8 $Solo -Credential $SoloCredential").ShouldSucceed();
            Assert.Equal(new[] { "solo" }, Complete("Get-C8Region -Name "));
        }

        var watch = Stopwatch.StartNew();
        Assert.Empty(Complete("Get-C8Fabric -Name "));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "completion took " + watch.Elapsed);
    }

    /// <summary>What TabExpansion2 offers at the end of the line, as the names shown in the list.</summary>
    private string[] Complete(string line)
    {
        Shell.Set("Line", line);
        return Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object ListItemText").ShouldSucceed()
            .Output.Select(o => (string)o.BaseObject).ToArray();
    }
}
