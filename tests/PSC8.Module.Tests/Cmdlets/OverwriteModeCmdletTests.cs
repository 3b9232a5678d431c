namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Add-C8Document -OverwriteMode in both runs of this suite (issue 17): against normal C8 Local, which advertises
/// overwriteMode, Update is one request; against --strict-api C8 Local (C8LOCAL_STRICT_API=1) it is the published
/// fallback, and -Debug says so. The objects on the pipeline and the stored documents are the same either way.
/// </summary>
public sealed class OverwriteModeCmdletTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void The_suite_server_is_strict_exactly_in_the_strict_run()
    {
        Assert.Equal(ModuleServers.StrictApi, C8.Host.Options.StrictApi);
    }

    [Theory]
    [InlineData("Ignore", "a:1:1 b:2:", "a=skipped b=created")]
    [InlineData("Replace", "a:2: b:2:", "a=created b=created")]
    [InlineData("Update", "a:2:1 b:2:", "a=created b=created")]
    public void Each_overwrite_mode_stores_and_passes_on_the_same_in_both_runs(string mode, string stored, string passed)
    {
        ConnectRoot();
        Shell.Set("Collection", C8LocalFixture.Unique("ow")).Set("Mode", mode);

        var result = Run("""
            New-C8Collection $Collection | Out-Null
            @{ _key = 'a'; v = 1; keep = 1 } | Add-C8Document $Collection
            $out = @{ _key = 'a'; v = 2 }, @{ _key = 'b'; v = 2 } | Add-C8Document $Collection -OverwriteMode $Mode -PassThru -Debug
            ($out | ForEach-Object { "$($_._key)=$(if ($_.Skipped) { 'skipped' } else { 'created' })" }) -join ' '
            (Get-C8Document $Collection | Sort-Object _key | ForEach-Object { "$($_._key):$($_.v):$($_.keep)" }) -join ' '
            """).ShouldSucceed();

        Assert.Equal(passed, result.Output[^2].ToString());
        Assert.Equal(stored, result.Output[^1].ToString());
        Assert.Empty(result.Errors);
        var inserts = result.Debug.Where(d => d.StartsWith("POST /_fabric/", StringComparison.Ordinal) && d.Contains("/document/", StringComparison.Ordinal)).ToList();
        var insert = Assert.Single(inserts);
        Assert.DoesNotContain("overwriteMode=ignore", insert, StringComparison.Ordinal);
        if (mode == "Update")
        {
            Assert.Equal(!ModuleServers.StrictApi, insert.Contains("overwriteMode=update", StringComparison.Ordinal));
            Assert.Equal(ModuleServers.StrictApi, result.Debug.Any(d => d.Contains("server does not support overwriteMode: inserted 1, updated 1 existing", StringComparison.Ordinal)));
        }
    }
}
