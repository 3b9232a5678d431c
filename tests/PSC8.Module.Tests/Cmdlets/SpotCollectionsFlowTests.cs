namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// The documented spot-collection flow: examples/SpotCollections.ps1 as written, in a hosted session against the
/// main C8 Local. It runs again and again, and finds what an interrupted run left behind.
/// </summary>
public sealed class SpotCollectionsFlowTests : CmdletTest, IAsyncLifetime
{
    private readonly string _fabric = C8LocalFixture.Unique("spot");
    private readonly string _keyId = C8LocalFixture.Unique("demo");

    public SpotCollectionsFlowTests(ModuleServers servers)
        : base(servers)
    {
        Shell.Set("Script", Path.Combine(RepositoryPaths.Root, "examples", "SpotCollections.ps1"))
            .Set("OtherRegions", C8.Host.Regions.Skip(1).Select(r => r.Url.ToString()).ToArray())
            .Set("FabricName", _fabric)
            .Set("KeyId", _keyId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Only when a run failed half way; a run that succeeded removed both.
        foreach (var cleanup in new Func<Task>[] { () => C8.Root.Fabrics.DeleteAsync(_fabric), () => C8.Root.ApiKeys.DeleteAsync(_keyId) })
        {
            try
            {
                await cleanup();
            }
            catch (C8ApiException ex) when (ex.StatusCode == 404)
            {
            }
        }
    }

    [Fact]
    public async Task The_flow_runs_twice_in_a_row()
    {
        RunFlow();
        RunFlow();

        Assert.Equal(2, Occurrences("4. READ_DATA"));

        // Each run reads from both other regions.
        Assert.Equal(4, Occurrences("5. DATA_MOBILITY"));
        Assert.Equal(2, Occurrences("Spot collection, fabric and key have been deleted."));
        await AssertCleanedUpAsync();
    }

    [Fact]
    public async Task The_flow_finds_what_an_interrupted_run_left_behind()
    {
        Run("""
            Connect-C8 $Url -Credential $Credential | Out-Null
            New-C8ApiKey $KeyId | Out-Null
            New-C8Fabric $FabricName -Region (Get-C8Region).Name -SpotDc eu-central | Out-Null
            New-C8Collection accounts -Spot -Fabric $FabricName | Out-Null
            @{ _key = '1'; firstname = 'Peter' } | Add-C8Document accounts -Fabric $FabricName
            New-C8RestQL read_query -Query 'FOR account IN accounts RETURN account' -Fabric $FabricName | Out-Null
            Disconnect-C8
            """).ShouldSucceed();

        RunFlow();

        Assert.Contains("Fabric " + _fabric + " already exists.", Shell.Host.Written, StringComparison.Ordinal);
        Assert.Contains("accounts is a spot collection.", Shell.Host.Written, StringComparison.Ordinal);
        Assert.Contains("Query read_query already exists.", Shell.Host.Written, StringComparison.Ordinal);
        Assert.Contains("accounts holds 5 documents", Shell.Host.Written, StringComparison.Ordinal);
        await AssertCleanedUpAsync();
    }

    private void RunFlow() =>
        Run("& $Script -Url $Url -RegionUrl $OtherRegions -Credential $Credential -FabricName $FabricName -KeyId $KeyId").ShouldSucceed();

    private int Occurrences(string text) =>
        Shell.Host.Written.Split(text).Length - 1;

    /// <summary>The flow removed what it made and closed every connection it opened.</summary>
    private async Task AssertCleanedUpAsync()
    {
        Assert.False(await C8.Root.Fabrics.ExistsAsync(_fabric));
        Assert.DoesNotContain(_keyId, (await C8.Root.ApiKeys.ListAsync()).Select(k => k.KeyId));
        Assert.Empty(Run("Get-C8Connection -All").ShouldSucceed().Output);
    }
}
