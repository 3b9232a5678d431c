namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Error records as scripts match on them: a stable id, the category, the item as target and the server's answer in
/// the exception; a failure about one item is non-terminating and the other items go on, one that makes the whole
/// call meaningless (credentials no longer accepted) ends it.
/// </summary>
public sealed class ErrorRecordTests(ModuleServers servers) : FabricTest(servers)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NumbersAsync("rows", 2);
    }

    [Theory]
    [InlineData("Get-C8Collection nosuch, rows", "C8.CollectionNotFound", "GetC8CollectionCommand")]
    [InlineData("Get-C8Fabric nosuch, $Fabric", "C8.FabricNotFound", "GetC8FabricCommand")]
    [InlineData("Get-C8Region nosuch, eu-central", "C8.RegionNotFound", "GetC8RegionCommand")]
    [InlineData("Get-C8Document rows nosuch, k1", "C8.DocumentNotFound", "GetC8DocumentCommand")]
    public void A_name_that_matches_nothing_is_a_non_terminating_not_found_error_about_that_name(string script, string errorId, string cmdlet)
    {
        var result = RunCaught(script);

        var error = ErrorRecordAssert.SingleNonTerminating(result, errorId, ErrorCategory.ObjectNotFound, "nosuch");
        Assert.Equal(errorId + ",PSC8.Commands." + cmdlet, error.FullyQualifiedErrorId);
        Assert.Single(result.Output);
    }

    [Fact]
    public void A_failed_request_carries_the_servers_answer()
    {
        var result = RunCaught("Get-C8Document rows nosuch");

        var exception = Assert.IsType<C8ApiException>(Assert.Single(result.Errors).Exception);
        Assert.Equal((404, 1202, "GET"), (exception.StatusCode, exception.ErrorNum, exception.Method));
        Assert.Equal("/_fabric/" + Fabric + "/_api/document/rows/nosuch", exception.Path);
        Assert.False(string.IsNullOrEmpty(exception.ServerMessage));
    }

    [Fact]
    public void A_duplicate_name_is_a_non_terminating_resource_exists_error_and_the_other_names_are_created()
    {
        var result = RunCaught("'rows', 'fresh' | New-C8Collection");

        ErrorRecordAssert.SingleNonTerminating(result, "C8.DuplicateName", ErrorCategory.ResourceExists, "rows");
        Assert.Equal("fresh", Assert.Single(result.Output).Properties["Name"].Value);
    }

    [Fact]
    public void Removing_a_fabric_that_does_not_exist_is_not_found_about_that_fabric()
    {
        var result = RunCaught("Remove-C8Fabric nosuch -Force");

        ErrorRecordAssert.SingleNonTerminating(result, "C8.FabricNotFound", ErrorCategory.ObjectNotFound, "nosuch");
    }

    [Fact]
    public async Task Credentials_no_longer_accepted_end_the_call_at_the_first_item()
    {
        var keyId = Shell.SetUnique("KeyId", "key");
        Run("$key = New-C8ApiKey $KeyId; Set-C8AccessLevel $KeyId $Fabric rw; $keyed = Connect-C8 $Url -ApiKey $key.ApiKey -Fabric $Fabric -KeepDefault").ShouldSucceed();
        await Root.ApiKeys.DeleteAsync(keyId);

        var result = RunCaught("'rows', 'other' | New-C8Collection -Connection $keyed");

        Assert.Empty(result.Errors);
        ErrorRecordAssert.Matches(result.Terminating, "C8.AuthenticationFailed", ErrorCategory.SecurityError);
        Assert.Equal("rows", result.Terminating!.TargetObject);
        Assert.DoesNotContain("other", await CollectionNamesAsync());
    }
}
