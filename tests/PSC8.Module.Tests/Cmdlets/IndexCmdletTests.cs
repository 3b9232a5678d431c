namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// New-, Get- and Remove-C8Index in a hosted runspace: each index type, idempotent re-creation, unique indexes on spot
/// and global collections, removal through the pipeline, -WhatIf and error records.
/// </summary>
public sealed class IndexCmdletTests(ModuleServers servers) : FabricTest(servers)
{
    [Fact]
    public async Task Each_type_is_created_and_listed_and_creating_again_changes_nothing()
    {
        Run("New-C8Collection places").ShouldSucceed();
        var persistent = Run("New-C8Index places -Field city, street -Name byCity -PassThru").ShouldSucceed().Objects<C8Index>().Single();
        Assert.True(persistent.IsNewlyCreated);
        Assert.Equal(("persistent", "places"), (persistent.Type, persistent.Collection));
        Assert.Equal(["city", "street"], persistent.Fields);
        Assert.Empty(Run("New-C8Index places -Field city, street -Name byCity").ShouldSucceed().Output);

        Run("New-C8Index places -Type Ttl -Field seen -ExpireAfter 60 -Name bySeen").ShouldSucceed();
        Run("New-C8Index places -Type Geo -Field location -Name byLocation").ShouldSucceed();
        Run("New-C8Index places -Type Fulltext -Field description -Name byWords").ShouldSucceed();

        // The server answers an equal index with the one it has, isNewlyCreated false (IndexApi.CreateAsync).
        var again = Run("New-C8Index places -Field city, street -Name byCity -PassThru -Verbose").ShouldSucceed();
        var existing = again.Objects<C8Index>().Single();
        Assert.False(existing.IsNewlyCreated);
        Assert.Equal(persistent.Id, existing.Id);
        Assert.Contains(again.Verbose, v => v.Contains("exists already", StringComparison.Ordinal));

        var listed = Run("Get-C8Index places").ShouldSucceed().Objects<C8Index>().ToArray();
        Assert.Equal(["primary", "byCity", "bySeen", "byLocation", "byWords"], listed.Select(i => i.Name));
        Assert.Equal(["persistent", "ttl", "geo", "fulltext"], listed.Skip(1).Select(i => i.Type));
        Assert.Equal(60, listed[2].ExpireAfter);
        Assert.Equal(["byCity", "byWords"], Run("Get-C8Index places by[CW]*").ShouldSucceed().Objects<C8Index>().Select(i => i.Name));
        Assert.Equal(5, (await Root.Indexes.ListAsync(Fabric, "places")).Count);
    }

    [Fact]
    public async Task Unique_indexes_are_made_on_spot_collections_and_refused_on_global_ones()
    {
        Run("New-C8Collection carts -Spot; New-C8Collection people").ShouldSucceed();
        var unique = Run("New-C8Index carts -Field owner -Unique -PassThru").ShouldSucceed().Objects<C8Index>().Single();
        Assert.True(unique.Unique);

        // C8 Local refuses as GDN does: 400, "Not allowed for global collections" (tests/PSC8.Client.Tests/IndexTests.cs).
        var refused = RunCaught("New-C8Index people -Field email -Unique");
        var error = Assert.Single(refused.Errors);
        Assert.Equal("people", error.TargetObject);
        Assert.Contains("Not allowed for global collections", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(await Root.Indexes.ListAsync(Fabric, "people"));
    }

    [Fact]
    public async Task Indexes_piped_from_Get_C8Index_are_removed_from_their_own_collection()
    {
        Run("New-C8Collection orders; New-C8Collection other").ShouldSucceed();
        Run("New-C8Index orders -Field customer -Name byCustomer; New-C8Index orders -Field placed -Name byPlaced; New-C8Index other -Field customer -Name byCustomer").ShouldSucceed();

        Run("Get-C8Index orders by* | Remove-C8Index -Force").ShouldSucceed();
        Run("Remove-C8Index other byCustomer -Force").ShouldSucceed();

        Assert.Equal(["primary"], (await Root.Indexes.ListAsync(Fabric, "orders")).Select(i => i.Name));
        Assert.Equal(["primary"], (await Root.Indexes.ListAsync(Fabric, "other")).Select(i => i.Name));
    }

    [Fact]
    public async Task WhatIf_sends_nothing()
    {
        Run("New-C8Collection kept; New-C8Index kept -Field a -Name byA").ShouldSucceed();

        var whatIf = Run("New-C8Index kept -Field b -WhatIf -Verbose; Remove-C8Index kept byA -WhatIf -Verbose").ShouldSucceed();

        Assert.Empty(whatIf.Requests);
        Assert.Contains("\"" + Fabric + "/kept on ", Shell.Host.Written, StringComparison.Ordinal);
        Assert.Contains("\"" + Fabric + "/kept/byA on ", Shell.Host.Written, StringComparison.Ordinal);
        Assert.Equal(["primary", "byA"], (await Root.Indexes.ListAsync(Fabric, "kept")).Select(i => i.Name));
    }

    [Fact]
    public void An_unknown_index_is_a_non_terminating_error_about_it()
    {
        Run("New-C8Collection strict").ShouldSucceed();

        // C8 Local answers 404 with errorNum 1212 for an index it does not have (IndexTests).
        ErrorRecordAssert.SingleNonTerminating(RunCaught("Remove-C8Index strict noindex -Force"), "C8.IndexNotFound", ErrorCategory.ObjectNotFound, "noindex");
        ErrorRecordAssert.SingleNonTerminating(RunCaught("Get-C8Index strict noindex"), "C8.IndexNotFound", ErrorCategory.ObjectNotFound, "noindex");
        ErrorRecordAssert.SingleNonTerminating(RunCaught("Get-C8Index nocollection"), "C8.CollectionNotFound", ErrorCategory.ObjectNotFound, "nocollection");
    }
}
