namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// New-C8KeyValueCollection, Get-, Set- and Remove-C8KeyValue and Get-C8Version in a hosted runspace: pairs in and out
/// through the pipeline, paging, batching, expiry, -WhatIf and error records.
/// </summary>
public sealed class KeyValueCmdletTests(ModuleServers servers) : FabricTest(servers)
{
    [Fact]
    public async Task Pairs_go_in_through_the_pipeline_and_come_back_by_key_or_all()
    {
        var created = Run("New-C8KeyValueCollection settings").ShouldSucceed().Objects<C8KeyValueCollection>().Single();
        Assert.Equal("settings", created.Name);
        Assert.False(created.Expiration);

        Run("Set-C8KeyValue settings -Key theme -Value dark").ShouldSucceed();
        Run("1..250 | ForEach-Object { [pscustomobject]@{ Key = 'k{0:d3}' -f $_; Value = @{ n = $_ } } } | Set-C8KeyValue -Collection settings -BatchSize 100 -Verbose").ShouldSucceed();
        Assert.Equal(251, await Root.KeyValues.CountAsync(Fabric, "settings"));

        var theme = Run("Get-C8KeyValue settings theme").ShouldSucceed().Objects<C8KeyValuePair>().Single();
        Assert.Equal("dark", theme.Value);
        Assert.Equal("settings", theme.Collection);
        Assert.Null(theme.ExpireAt);

        var all = Run("Get-C8KeyValue settings -PageSize 40").ShouldSucceed().Objects<C8KeyValuePair>().Select(p => p.Key).ToArray();
        Assert.Equal(251, all.Length);
        Assert.Equal("k001", all[0]);
        Assert.Equal("theme", all[^1]);

        // Streaming: the first three need one page only.
        var first = Run("Get-C8KeyValue settings -PageSize 5 -Verbose | Select-Object -First 3");
        Assert.Equal(3, first.ShouldSucceed().Output.Count);
        Assert.Single(first.Requests, r => r.Contains("/kv/settings/values", StringComparison.Ordinal));

        var nested = Run("(Get-C8KeyValue settings k007).Value.n").ShouldSucceed().Output.Single().BaseObject;
        Assert.Equal(7L, Convert.ToInt64(nested, System.Globalization.CultureInfo.InvariantCulture));

        Run("Get-C8KeyValue settings k001, k002 | Remove-C8KeyValue -Force").ShouldSucceed();
        Run("Remove-C8KeyValue settings -Key theme -Force").ShouldSucceed();
        Assert.Equal(248, await Root.KeyValues.CountAsync(Fabric, "settings"));
    }

    [Fact]
    public async Task Pairs_copy_from_one_collection_to_another_and_expire_when_told()
    {
        Run("New-C8KeyValueCollection source; New-C8KeyValueCollection sessions -Expiration").ShouldSucceed();
        Run("Set-C8KeyValue source a 1; Set-C8KeyValue source b 2").ShouldSucceed();
        Run("Get-C8KeyValue source | Set-C8KeyValue -Collection sessions -ExpireAt (Get-Date).AddHours(1)").ShouldSucceed();
        Run("Set-C8KeyValue sessions gone x -ExpireAt (Get-Date).AddMinutes(-1)").ShouldSucceed();

        var pairs = Run("Get-C8KeyValue sessions").ShouldSucceed().Objects<C8KeyValuePair>().ToArray();
        Assert.Equal(new[] { "a", "b" }, pairs.Select(p => p.Key));
        Assert.All(pairs, p => Assert.True(p.ExpireAt > DateTimeOffset.UtcNow.AddMinutes(50)));
        Assert.Equal(2, await Root.KeyValues.CountAsync(Fabric, "sessions"));
    }

    [Fact]
    public async Task WhatIf_sends_nothing()
    {
        Run("New-C8KeyValueCollection kept").ShouldSucceed();
        Run("Set-C8KeyValue kept a 1").ShouldSucceed();

        var whatIf = Run("New-C8KeyValueCollection other -WhatIf -Verbose; Set-C8KeyValue kept b 2 -WhatIf -Verbose; Remove-C8KeyValue kept a -WhatIf -Verbose").ShouldSucceed();

        Assert.Empty(whatIf.Requests);
        Assert.Equal(new[] { "kept" }, (await Root.KeyValues.ListCollectionsAsync(Fabric)).Select(c => c.Name));
        Assert.Equal(1, await Root.KeyValues.CountAsync(Fabric, "kept"));
    }

    [Fact]
    public void Failures_are_error_records_about_what_failed()
    {
        Run("New-C8KeyValueCollection strict").ShouldSucceed();

        ErrorRecordAssert.SingleNonTerminating(RunCaught("Get-C8KeyValue strict nokey"), "C8.KeyValueNotFound", ErrorCategory.ObjectNotFound, "nokey");
        ErrorRecordAssert.SingleNonTerminating(RunCaught("Remove-C8KeyValue strict nokey -Force"), "C8.DocumentNotFound", ErrorCategory.ObjectNotFound, "nokey");
        ErrorRecordAssert.SingleNonTerminating(RunCaught("Get-C8KeyValue nocollection"), "C8.KVCollectionNotFound", ErrorCategory.ObjectNotFound, "nocollection");
        ErrorRecordAssert.SingleNonTerminating(RunCaught("New-C8KeyValueCollection strict"), "C8.DuplicateName", ErrorCategory.ResourceExists, "strict");
    }

    [Fact]
    public void Get_C8Version_names_the_server()
    {
        var version = Run("Get-C8Version -Detailed").ShouldSucceed().Objects<C8ServerVersion>().Single();
        Assert.Equal("C8DB", version.Server);
        // A strict C8 Local (the test run's second pass) advertises no extension.
        if (ModuleServers.StrictApi)
        {
            Assert.False(version.Details!.ContainsKey("overwriteMode"));
        }
        else
        {
            Assert.Equal("supported", version.Details!["overwriteMode"]);
        }
        Assert.Null(Run("Get-C8Version").ShouldSucceed().Objects<C8ServerVersion>().Single().Details);
    }
}
