namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Pipeline binding as PowerShell's binder does it: plain values bind to the main parameter, objects bind by their
/// property names (or aliases such as _key), and objects from Get- cmdlets bind to -InputObject.
/// </summary>
public sealed class BindingTests(ModuleServers servers) : FabricTest(servers)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NumbersAsync("rows", 5);
    }

    [Fact]
    public async Task Names_piped_as_strings_bind_by_value()
    {
        Run("'orders', 'invoices' | New-C8Collection").ShouldSucceed();
        var documents = Run("'k1', 'k3' | Get-C8Document rows").ShouldSucceed();
        Run("'k1', 'k2' | Remove-C8Document rows").ShouldSucceed();

        Assert.Equal(new[] { "invoices", "orders", "rows" }, (await CollectionNamesAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(new object[] { 1, 3 }, documents.Output.Select(d => d.Properties["n"].Value));
        Assert.Equal(3, await CountAsync("rows"));
    }

    [Fact]
    public async Task Objects_bind_by_property_name()
    {
        var second = C8LocalFixture.Unique("second");
        Shell.Set("Second", second);
        await Root.Fabrics.CreateAsync(second);
        try
        {
            Run("[pscustomobject]@{ Name = 'elsewhere'; Fabric = $Second } | New-C8Collection").ShouldSucceed();
            Run("[pscustomobject]@{ Name = 'q'; Query = 'RETURN 42' } | New-C8RestQL").ShouldSucceed();
            var rows = Run("[pscustomobject]@{ Name = 'q' } | Invoke-C8RestQL").ShouldSucceed();

            Assert.Equal(new[] { "elsewhere" }, (await Root.Collections.ListAsync(second)).Select(c => c.Name));
            Assert.DoesNotContain("elsewhere", await CollectionNamesAsync());
            Assert.Equal("RETURN 42", Assert.Single(await Root.QueryWorkers.ListAsync(Fabric)).Query);
            Assert.Equal(42, Assert.Single(rows.Output).BaseObject);
        }
        finally
        {
            await Root.Fabrics.DeleteAsync(second);
        }
    }

    [Fact]
    public async Task Query_rows_bind_their_key_by_the_key_alias_and_their_collection_by_their_id()
    {
        var read = Run("Invoke-C8Query 'FOR d IN rows FILTER d.n < 2 RETURN d' | Get-C8Document rows").ShouldSucceed();
        Run("Invoke-C8Query 'FOR d IN rows FILTER d.n >= 3 RETURN d' | Remove-C8Document").ShouldSucceed();

        Assert.Equal(new object[] { "k0", "k1" }, read.Output.Select(d => d.Properties["_key"].Value).Order());
        Assert.Equal(3, await CountAsync("rows"));
        Assert.Null(await DocumentAsync("rows", "k4"));
    }

    [Fact]
    public async Task Objects_from_Get_cmdlets_bind_to_InputObject()
    {
        await Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("q", "RETURN 1"));

        Run("Get-C8Collection rows | Clear-C8Collection -Force").ShouldSucceed();
        Run("Get-C8RestQL q | Set-C8RestQL -Query 'RETURN 2'").ShouldSucceed();
        Run("Get-C8Fabric $Fabric | Set-C8Fabric -Metadata @{ bound = 'yes' }").ShouldSucceed();
        var changed = Assert.Single(await Root.QueryWorkers.ListAsync(Fabric)).Query;
        Run("Get-C8RestQL q | Remove-C8RestQL").ShouldSucceed();

        Assert.Equal(0, await CountAsync("rows"));
        Assert.Equal("RETURN 2", changed);
        Assert.Empty(await Root.QueryWorkers.ListAsync(Fabric));
        Assert.Equal("yes", (await Root.Fabrics.GetAsync(Fabric)).Metadata!.Value.GetProperty("bound").GetString());
    }

    [Fact]
    public void A_connection_binds_by_value_to_Disconnect_C8()
    {
        var closed = Run("$c8 | Disconnect-C8 -PassThru").ShouldSucceed();

        Assert.False(Assert.Single(closed.Objects<C8Session>()).IsOpen);
        Assert.Empty(Run("Get-C8Connection -All").ShouldSucceed().Output);
    }
}
