namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Objects remember where they came from: with two servers holding the same names, every pipeline that starts at
/// the server that is not the default acts on that server only — and the default one is left untouched.
/// </summary>
public sealed class OriginTests : CmdletTest, IAsyncLifetime
{
    private readonly string _fabric = C8LocalFixture.Unique("twin");
    private readonly string _key = C8LocalFixture.Unique("key");

    public OriginTests(ModuleServers servers)
        : base(servers)
    {
        Shell.Set("Fabric", _fabric).Set("KeyId", _key);
    }

    private IEnumerable<C8Connection> Both => new[] { C8.Root, Other.Root };

    public async Task InitializeAsync()
    {
        foreach (var root in Both)
        {
            await root.Fabrics.CreateAsync(_fabric, new C8FabricCreateOptions());
            foreach (var collection in new[] { "dup", "copy" })
            {
                await root.Collections.CreateAsync(_fabric, collection);
            }

            using var doc = JsonDocument.Parse("""{"_key":"1","v":"original"}""");
            await root.Documents.InsertAsync(_fabric, "dup", doc.RootElement);
            await root.QueryWorkers.SaveAsync(_fabric, new C8QueryWorkerDefinition("q", "FOR d IN dup RETURN d.v"));
            await root.ApiKeys.CreateAsync(_key);
        }

        // The main server is the default; the other is open beside it.
        Run("$main = Connect-C8 -Url $Url -Credential $Credential; $other = Connect-C8 -Url $OtherUrl -Credential $OtherCredential -KeepDefault").ShouldSucceed();
    }

    public async Task DisposeAsync()
    {
        foreach (var root in Both)
        {
            await Ignore(() => root.Fabrics.DeleteAsync(_fabric));
            await Ignore(() => root.ApiKeys.DeleteAsync(_key));
        }
    }

    [Fact]
    public async Task A_collection_from_the_other_server_is_removed_there()
    {
        Run("Get-C8Collection dup -Fabric $Fabric -Connection $other | Remove-C8Collection -Force").ShouldSucceed();

        Assert.False(await ExistsAsync(Other.Root, "dup"));
        Assert.True(await ExistsAsync(C8.Root, "dup"));
    }

    [Fact]
    public async Task A_collection_from_the_other_server_is_cleared_there()
    {
        var cleared = Run("Get-C8Collection dup -Fabric $Fabric -Connection $other | Clear-C8Collection -Force -PassThru").ShouldSucceed();

        Assert.Equal(0, await Other.Root.Collections.CountAsync(_fabric, "dup"));
        Assert.Equal(1, await C8.Root.Collections.CountAsync(_fabric, "dup"));
        Assert.Same(Shell.Get("other"), Assert.Single(cleared.Output).Properties["Connection"].Value);
    }

    [Fact]
    public async Task A_document_from_the_other_server_is_changed_there()
    {
        Run("$d = Get-C8Document dup 1 -Fabric $Fabric -Connection $other; $d.v = 'changed'; $d | Set-C8Document").ShouldSucceed();

        Assert.Equal("changed", await ValueAsync(Other.Root, "1"));
        Assert.Equal("original", await ValueAsync(C8.Root, "1"));
    }

    [Fact]
    public async Task A_document_from_the_other_server_is_removed_there()
    {
        Run("Get-C8Document dup 1 -Fabric $Fabric -Connection $other | Remove-C8Document").ShouldSucceed();

        Assert.Null(await ValueAsync(Other.Root, "1"));
        Assert.Equal("original", await ValueAsync(C8.Root, "1"));
    }

    [Fact]
    public async Task Query_rows_from_the_other_server_are_removed_there()
    {
        Run("Invoke-C8Query 'FOR d IN dup RETURN d' -Fabric $Fabric -Connection $other | Remove-C8Document").ShouldSucceed();

        Assert.Equal(0, await Other.Root.Collections.CountAsync(_fabric, "dup"));
        Assert.Equal(1, await C8.Root.Collections.CountAsync(_fabric, "dup"));
    }

    [Fact]
    public async Task Rows_of_both_servers_in_one_pipeline_each_change_where_they_were_read()
    {
        Run("""
            $rows = @(Invoke-C8Query 'FOR d IN dup RETURN d' -Fabric $Fabric -Connection $other) + @(Invoke-C8Query 'FOR d IN dup RETURN d' -Fabric $Fabric -Connection $main)
            $rows | ForEach-Object { $_.v = 'both' }
            $rows | Set-C8Document
            """).ShouldSucceed();

        Assert.Equal("both", await ValueAsync(Other.Root, "1"));
        Assert.Equal("both", await ValueAsync(C8.Root, "1"));
    }

    [Fact]
    public async Task Documents_from_the_other_server_are_added_there()
    {
        Run("Get-C8Document dup -Fabric $Fabric -Connection $other | Add-C8Document copy").ShouldSucceed();

        Assert.Equal(1, await Other.Root.Collections.CountAsync(_fabric, "copy"));
        Assert.Equal(0, await C8.Root.Collections.CountAsync(_fabric, "copy"));
    }

    [Fact]
    public async Task A_fabric_from_the_other_server_is_changed_listed_and_removed_there()
    {
        Run("Get-C8Fabric $Fabric -Connection $other | Set-C8Fabric -Metadata @{ owner = 'other' }").ShouldSucceed();
        Assert.Equal("other", (await Other.Root.Fabrics.GetAsync(_fabric)).Metadata?.GetProperty("owner").GetString());
        Assert.Null((await C8.Root.Fabrics.GetAsync(_fabric)).Metadata?.TryGetProperty("owner", out _) is true ? "owner" : null);

        Run("Get-C8Fabric $Fabric -Connection $other | New-C8Collection only_there").ShouldSucceed();
        Assert.True(await ExistsAsync(Other.Root, "only_there"));
        Assert.False(await ExistsAsync(C8.Root, "only_there"));

        var listed = Run("Get-C8Fabric $Fabric -Connection $other | Get-C8Collection").ShouldSucceed();
        Assert.Contains("only_there", listed.Objects<C8Collection>().Select(c => c.Name));

        Run("Get-C8Fabric $Fabric -Connection $other | Remove-C8Fabric -Force").ShouldSucceed();
        Assert.DoesNotContain(_fabric, await Other.Root.Fabrics.ListNamesAsync());
        Assert.Contains(_fabric, await C8.Root.Fabrics.ListNamesAsync());
    }

    [Fact]
    public async Task A_saved_query_from_the_other_server_is_run_changed_and_removed_there()
    {
        await Other.Root.Documents.UpdateAsync(_fabric, "dup", "1", JsonDocument.Parse("""{"v":"there"}""").RootElement);

        var rows = Run("Get-C8RestQL q -Fabric $Fabric -Connection $other | Invoke-C8RestQL").ShouldSucceed();
        Assert.Equal(new[] { "there" }, rows.Output.Select(r => r.BaseObject));

        Run("Get-C8RestQL q -Fabric $Fabric -Connection $other | Set-C8RestQL -Query 'RETURN 2'").ShouldSucceed();
        Assert.Equal("RETURN 2", (await Other.Root.QueryWorkers.ListAsync(_fabric)).Single(w => w.Name == "q").Query);
        Assert.Equal("FOR d IN dup RETURN d.v", (await C8.Root.QueryWorkers.ListAsync(_fabric)).Single(w => w.Name == "q").Query);

        Run("Get-C8RestQL q -Fabric $Fabric -Connection $other | Remove-C8RestQL").ShouldSucceed();
        Assert.Empty(await Other.Root.QueryWorkers.ListAsync(_fabric));
        Assert.Single(await C8.Root.QueryWorkers.ListAsync(_fabric));
    }

    [Fact]
    public async Task An_api_key_from_the_other_server_is_granted_read_and_removed_there()
    {
        Run("Get-C8ApiKey $KeyId -Connection $other | Set-C8AccessLevel -Fabric $Fabric -Level ro").ShouldSucceed();
        var levels = Run("Get-C8ApiKey $KeyId -Connection $other | Get-C8AccessLevel -Fabric $Fabric").ShouldSucceed();
        Assert.Equal("ro", Assert.Single(levels.Output).Properties["Level"].Value);
        Assert.Equal(C8AccessLevel.ReadOnly, await C8AccessLevelOfAsync(Other.Root));
        Assert.Equal(C8AccessLevel.None, await C8AccessLevelOfAsync(C8.Root));

        Run("Get-C8ApiKey $KeyId -Connection $other | Remove-C8ApiKey").ShouldSucceed();
        Assert.DoesNotContain(_key, (await Other.Root.ApiKeys.ListAsync()).Select(k => k.KeyId));
        Assert.Contains(_key, (await C8.Root.ApiKeys.ListAsync()).Select(k => k.KeyId));
    }

    [Fact]
    public async Task An_explicit_Connection_wins_over_where_the_object_came_from()
    {
        Run("Get-C8Collection dup -Fabric $Fabric -Connection $other | Remove-C8Collection -Force -Connection $main").ShouldSucceed();

        Assert.False(await ExistsAsync(C8.Root, "dup"));
        Assert.True(await ExistsAsync(Other.Root, "dup"));
    }

    [Fact]
    public void Confirmation_names_the_server_the_change_goes_to()
    {
        Shell.Host.Answer("No");

        Run("Get-C8Collection dup -Fabric $Fabric -Connection $other | Remove-C8Collection -Confirm").ShouldSucceed();

        var prompt = Assert.Single(Shell.Host.Prompts);
        Assert.Contains(_fabric + "/dup", prompt.Message, StringComparison.Ordinal);
        Assert.Contains(Other.Host.GlobalUrl.ToString().TrimEnd('/'), prompt.Message, StringComparison.Ordinal);
        Assert.Contains("eu-west", prompt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_carries_no_extra_property_but_metadata_objects_show_their_connection()
    {
        var document = Assert.Single(Run("Get-C8Document dup 1 -Fabric $Fabric -Connection $other").ShouldSucceed().Output);
        var collection = Assert.Single(Run("Get-C8Collection dup -Fabric $Fabric -Connection $other").ShouldSucceed().Output);

        Assert.Equal(new[] { "_id", "_key", "_rev", "v" }, document.Properties.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Same(Shell.Get("other"), collection.Properties["Connection"].Value);
    }

    private async Task<bool> ExistsAsync(C8Connection root, string collection) =>
        (await root.Collections.ListAsync(_fabric)).Any(c => c.Name == collection);

    private async Task<string?> ValueAsync(C8Connection root, string key)
    {
        try
        {
            return (await root.Documents.GetAsync(_fabric, "dup", key))?.GetProperty("v").GetString();
        }
        catch (C8ApiException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    private async Task<C8AccessLevel> C8AccessLevelOfAsync(C8Connection root) =>
        await root.Access.GetFabricAccessAsync(C8AccessSubject.ApiKey(_key), _fabric);

    private static async Task Ignore(Func<Task> cleanup)
    {
        try
        {
            await cleanup();
        }
        catch (C8ApiException)
        {
            // Already gone: the test removed it.
        }
    }
}
