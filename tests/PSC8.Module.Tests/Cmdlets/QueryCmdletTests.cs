namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Invoke-C8Query, Get-C8Document without keys and the RestQL cmdlets stream server cursors page by page: a pipeline
/// that stops early fetches no further page and leaves no cursor behind, one that reads on gets every page.
/// </summary>
public sealed class QueryCmdletTests(ModuleServers servers) : FabricTest(servers)
{
    private string CursorPath => "/_fabric/" + Fabric + "/_api/cursor";

    /// <summary>Cursors the region behind $Url holds open.</summary>
    private int OpenCursors => C8.Host.Cluster.Region(C8.Host.Regions[0].Name).Cursors.OpenCount;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NumbersAsync("rows", 50);
    }

    [Theory]
    [InlineData("Invoke-C8Query 'FOR d IN rows RETURN d' -BatchSize 5")]
    [InlineData("Get-C8Document rows -BatchSize 5")]
    public void Stopping_after_the_first_row_fetches_one_page_and_deletes_the_cursor(string command)
    {
        var open = OpenCursors;

        var result = Run(command + " -Verbose | Select-Object -First 1").ShouldSucceed();

        var row = Assert.Single(result.Output);
        Assert.Contains("PSC8.Document", row.TypeNames);
        Assert.Equal(new[] { "POST " + CursorPath }, result.Requests.Where(r => r.Contains("/_api/cursor", StringComparison.Ordinal)));
        Assert.Equal(open, OpenCursors);
    }

    [Theory]
    [InlineData("Invoke-C8Query 'FOR i IN 1..2500 RETURN i'")]
    [InlineData("Export-C8Document -Query 'FOR i IN 1..2500 RETURN { n: i }' -Path (Join-Path $TestDrive 'paged.jsonl') -PassThru")]
    public void Without_a_batch_size_pages_are_as_large_as_GDN_allows(string command)
    {
        Shell.Set("TestDrive", Directory.CreateTempSubdirectory("psc8-pages").FullName);

        var result = Run(command + " -Verbose").ShouldSucceed();

        // 2,500 rows in pages of 1,000: the first with the query, two more; the server's default of 100 took 25.
        var pages = result.Requests.Where(r => r.Contains("/_api/cursor", StringComparison.Ordinal)).ToArray();
        Assert.Equal("POST " + CursorPath, pages[0]);
        Assert.Equal(2, pages.Skip(1).Count(p => p.StartsWith("PUT " + CursorPath + "/", StringComparison.Ordinal)));
        Assert.Equal(3, pages.Length);
    }

    [Fact]
    public void Every_page_is_followed_to_the_end_with_the_count_and_progress_asked_for()
    {
        // Each row takes a while to consume, so the query runs past the progress bar's initial delay.
        var result = Run("Invoke-C8Query 'FOR d IN rows RETURN d._key' -BatchSize 10 -Count -Verbose | ForEach-Object { Start-Sleep -Milliseconds 20; $_ }").ShouldSucceed();

        var keys = result.Output.Select(o => (string)o.BaseObject).ToArray();
        Assert.Equal(50, keys.Length);
        Assert.Equal(50, keys.Distinct().Count());
        Assert.Contains("The result has 50 rows.", result.Verbose);
        Assert.Equal(1, result.Requests.Count(r => r == "POST " + CursorPath));
        Assert.Equal(4, result.Requests.Count(r => r.StartsWith("PUT " + CursorPath + "/", StringComparison.Ordinal)));
        var progress = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToArray();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.InRange(p.PercentComplete, 20, 80));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void Rows_of_one_shape_are_separate_objects_a_change_to_one_stays_with_it()
    {
        // Rows of one shape share their type-name list and property names inside the module; what a script changes on
        // one row (its type names, a property) must not show on the next, and each row keeps its own values.
        var result = Run(
            "$rows = @(Invoke-C8Query 'FOR d IN rows SORT d.n LIMIT 3 RETURN d'); " +
            "$rows[0].PSTypeNames.Insert(0, 'Mine'); $rows[0].n = 100; $rows[0] | Add-Member extra 1; " +
            "$rows | ForEach-Object { '{0}|{1}|{2}' -f ($_.PSTypeNames -join ','), $_.n, ($_.PSObject.Properties.Name -join ',') }").ShouldSucceed();

        var lines = result.Output.Select(o => (string)o.BaseObject).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Mine,PSC8.Document,", lines[0], StringComparison.Ordinal);
        Assert.Contains("|100|", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",extra", lines[0], StringComparison.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            Assert.StartsWith("PSC8.Document,", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Mine", line, StringComparison.Ordinal);
            Assert.DoesNotContain("extra", line, StringComparison.Ordinal);
        }

        Assert.NotEqual(lines[1].Split('|')[1], lines[2].Split('|')[1]);
    }

    [Fact]
    public void A_copy_of_a_row_is_its_own_object()
    {
        // The module gives each row its member collection itself (see PSObjectBuilder); a copy must still get its own.
        var result = Run(
            "$row = @(Invoke-C8Query 'FOR d IN rows SORT d.n LIMIT 1 RETURN d')[0]; $n = $row.n; " +
            "$copy = $row.PSObject.Copy(); $copy.n = -1; $copy | Add-Member only_copy 1; " +
            "'{0}|{1}|{2}|{3}' -f ($row.n -eq $n), $copy.n, ($row.PSObject.Properties.Name -contains 'only_copy'), ($copy | ConvertTo-Json -Compress)").ShouldSucceed();

        var parts = ((string)Assert.Single(result.Output).BaseObject).Split('|');
        Assert.Equal(new[] { "True", "-1", "False" }, parts.Take(3));
        Assert.Contains("\"n\":-1", parts[3], StringComparison.Ordinal);
        Assert.Contains("\"only_copy\":1", parts[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_differ_only_in_case_after_rows_of_one_shape_are_one_property()
    {
        var result = Run("Invoke-C8Query 'FOR x IN [{a: 1, b: 2}, {a: 3, b: 4}, {a: 5, A: 6}] RETURN x' | ForEach-Object { '{0}={1}' -f ($_.PSObject.Properties.Name -join ','), $_.a }").ShouldSucceed();

        Assert.Equal(new[] { "a,b=1", "a,b=3", "a=6" }, result.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void Bind_variables_from_a_hashtable_reach_the_query()
    {
        var row = Assert.Single(Run("Invoke-C8Query 'FOR d IN @@coll FILTER d.n == @n RETURN d' -BindVariable @{ '@coll' = 'rows'; n = 3 }").ShouldSucceed().Output);

        Assert.Equal("k3", row.Properties["_key"].Value);
        Assert.Equal(3, row.Properties["n"].Value);
    }

    [Fact]
    public void A_bad_query_is_an_invalid_argument_about_that_query_and_the_next_one_still_runs()
    {
        var result = RunCaught("'FOR x IN RETURN', 'RETURN 1' | Invoke-C8Query");

        ErrorRecordAssert.SingleNonTerminating(result, "C8.QuerySyntaxError", ErrorCategory.InvalidArgument, "FOR x IN RETURN");
        Assert.Equal(1, Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void A_saved_query_runs_page_by_page_and_a_change_keeps_what_was_not_given()
    {
        Run("New-C8RestQL big -Query 'FOR d IN rows FILTER d.n >= @min SORT d.n RETURN d' -Parameter @{ min = 0 }").ShouldSucceed();

        var listed = Run("Get-C8RestQL b*").ShouldSucceed();
        var paged = Run("Invoke-C8RestQL big -BindVariable @{ min = 45 } -BatchSize 2 -Verbose").ShouldSucceed();
        Run("Set-C8RestQL big -Query 'FOR d IN rows FILTER d.n >= @min SORT d.n RETURN d.n'").ShouldSucceed();
        var defaults = Run("Invoke-C8RestQL big").ShouldSucceed();
        var changed = Run("Invoke-C8RestQL big @{ min = 48 }").ShouldSucceed();

        Assert.Equal("big", Assert.Single(listed.Output).Properties["Name"].Value);
        Assert.Equal(new object[] { "k45", "k46", "k47", "k48", "k49" }, paged.Output.Select(o => o.Properties["_key"].Value));
        Assert.Equal(1, paged.Requests.Count(r => r == "POST /_fabric/" + Fabric + "/_api/restql/execute/big"));
        Assert.Equal(2, paged.Requests.Count(r => r.StartsWith("PUT /_fabric/" + Fabric + "/_api/restql/fetch/", StringComparison.Ordinal)));
        Assert.Equal(50, defaults.Output.Count);
        Assert.Equal(new object[] { 48, 49 }, changed.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_saved_query_that_is_gone_is_a_non_terminating_error_about_its_name()
    {
        Run("New-C8RestQL gone -Query 'RETURN 1'; Remove-C8RestQL gone").ShouldSucceed();

        var result = RunCaught("'gone', 'gone' | Invoke-C8RestQL");

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("gone", e.TargetObject));
    }
}
