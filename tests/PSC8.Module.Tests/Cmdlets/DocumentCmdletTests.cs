namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// The document cmdlets on pipeline input: Add-C8Document converts hashtables and JSON text and sends them in bulk
/// requests, Set-C8Document merges or replaces (conditionally on a revision), Remove-C8Document deletes in bulk; a
/// document the server rejects is a non-terminating error about that input alone.
/// </summary>
public sealed class DocumentCmdletTests(ModuleServers servers) : FabricTest(servers)
{
    // Hashtables and JSON text mixed, as scripts pipe them.
    private const string Accounts = """
        $accounts = @(
            @{ _key = '1'; firstname = 'Peter'; lastname = 'Parker'; City = 'NewYork' }
            @{ _key = '2'; firstname = 'Bruce'; lastname = 'Wayne'; City = 'Gotham' }
            '{"_key":"3","firstname":"Clark","lastname":"Kent","City":"Manhatten"}'
            @{ _key = '4'; firstname = 'Ned'; lastname = 'Stark'; City = 'Winterfell' }
            '{"_key":"5","firstname":"Tywin","lastname":"Lannister","City":"Kings Landing"}'
        )
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CollectionAsync("accounts");
        Run(Accounts).ShouldSucceed();
    }

    [Fact]
    public async Task Pipeline_input_is_inserted_in_batches_and_Ignore_keeps_what_is_stored()
    {
        var first = Run("$accounts | Add-C8Document accounts -BatchSize 2 -OverwriteMode Ignore -PassThru -Verbose").ShouldSucceed();
        var again = Run("$accounts | ForEach-Object { if ($_ -is [hashtable]) { $_.City = 'Nowhere' }; $_ } | Add-C8Document accounts -OverwriteMode Ignore").ShouldSucceed();

        Assert.Equal(3, first.Requests.Count(r => r.StartsWith("POST /_fabric/" + Fabric + "/_api/document/accounts", StringComparison.Ordinal)));
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, first.Output.Select(o => o.Properties["_key"].Value));
        Assert.Empty(again.Output);
        Assert.Equal(5, await CountAsync("accounts"));
        Assert.Equal("Gotham", (await DocumentAsync("accounts", "2"))!.Value.GetProperty("City").GetString());
    }

    [Fact]
    public async Task Duplicates_without_Ignore_are_errors_about_their_own_input_and_the_rest_is_stored()
    {
        Run("$accounts[0..1] | Add-C8Document accounts").ShouldSucceed();

        var result = RunCaught("$accounts | Add-C8Document accounts");

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => ErrorRecordAssert.Matches(e, "C8.DuplicateKey", ErrorCategory.ResourceExists));
        var accounts = ((object[])Shell.Get("accounts")!).Select(Unwrap).ToArray();
        Assert.Same(accounts[0], Unwrap(result.Errors[0].TargetObject));
        Assert.Same(accounts[1], Unwrap(result.Errors[1].TargetObject));
        Assert.Equal(5, await CountAsync("accounts"));
    }

    [Fact]
    public void Documents_come_back_as_objects_with_nested_objects_and_arrays()
    {
        Run("@{ _key = 'k'; address = @{ city = 'Gotham' }; tags = 'a', 'b'; n = 7 } | Add-C8Document accounts").ShouldSucceed();

        var document = Assert.Single(Run("Get-C8Document accounts k").ShouldSucceed().Output);
        var json = Assert.Single(Run("Get-C8Document accounts k -AsJson").ShouldSucceed().Output);

        Assert.Equal("PSC8.Document", document.TypeNames[0]);
        Assert.Equal("accounts/k", document.Properties["_id"].Value);
        Assert.NotNull(document.Properties["_rev"].Value);
        Assert.Equal("Gotham", Assert.IsType<PSObject>(document.Properties["address"].Value).Properties["city"].Value);
        Assert.Equal(new object[] { "a", "b" }, ((object[])document.Properties["tags"].Value).Select(t => t is PSObject p ? p.BaseObject : t));
        Assert.Equal(7, document.Properties["n"].Value);
        Assert.StartsWith("{", Assert.IsType<string>(json.BaseObject), StringComparison.Ordinal);
        Assert.Contains("\"Gotham\"", (string)json.BaseObject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_conditional_on_a_stale_revision_fails_and_a_piped_document_replaces_the_stored_one()
    {
        Run("@{ _key = 'k'; v = 1; extra = 'x' } | Add-C8Document accounts; $old = Get-C8Document accounts k").ShouldSucceed();

        var merged = Run("Set-C8Document accounts @{ v = 2 } -Key k -Revision $old._rev -PassThru").ShouldSucceed();
        var stale = RunCaught("$patch = @{ v = 9 }; Set-C8Document accounts $patch -Key k -Revision $old._rev");
        var replaced = Run("$d = Get-C8Document accounts k; $d.v = 3; $d.PSObject.Properties.Remove('extra'); $d | Set-C8Document -Replace -Revision $d._rev -PassThru").ShouldSucceed();

        Assert.Equal(2, Assert.Single(merged.Output).Properties["v"].Value);
        Assert.Equal("x", Assert.Single(merged.Output).Properties["extra"].Value);
        ErrorRecordAssert.SingleNonTerminating(stale, "C8.PreconditionFailed", ErrorCategory.InvalidOperation, Shell.Get("patch"));
        Assert.Equal(3, Assert.Single(replaced.Output).Properties["v"].Value);
        var stored = (await DocumentAsync("accounts", "k"))!.Value;
        Assert.Equal(3, stored.GetProperty("v").GetInt32());
        Assert.False(stored.TryGetProperty("extra", out _));
    }

    [Fact]
    public async Task Bulk_removal_reports_a_missing_key_and_a_stale_revision_each_about_its_key()
    {
        Run("$accounts | Add-C8Document accounts").ShouldSucceed();

        var removed = RunCaught("'1', 'missing', '2' | Remove-C8Document accounts -BatchSize 2 -Verbose");
        var stale = RunCaught("Remove-C8Document accounts 3 -Revision stale");

        Assert.Equal(2, removed.Requests.Count(r => r.StartsWith("DELETE /_fabric/" + Fabric + "/_api/document/accounts", StringComparison.Ordinal)));
        ErrorRecordAssert.SingleNonTerminating(removed, "C8.DocumentNotFound", ErrorCategory.ObjectNotFound, "missing");
        ErrorRecordAssert.SingleNonTerminating(stale, "C8.PreconditionFailed", ErrorCategory.InvalidOperation, "3");
        Assert.Equal(3, await CountAsync("accounts"));
        Assert.Null(await DocumentAsync("accounts", "1"));
        Assert.NotNull(await DocumentAsync("accounts", "3"));
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
