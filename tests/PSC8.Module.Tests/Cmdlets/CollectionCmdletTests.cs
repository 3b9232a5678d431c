namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// New-, Get-, Clear- and Remove-C8Collection: collections created with the kind asked for, found by wildcard
/// (case-insensitively) with their counts, and only the ones matched are changed.
/// </summary>
public sealed class CollectionCmdletTests(ModuleServers servers) : FabricTest(servers)
{
    [Fact]
    public async Task Collections_named_by_wildcard_are_counted_and_only_they_are_removed()
    {
        Run("New-C8Collection tmp_a -Spot; New-C8Collection tmp_b -Local -KeyGenerator padded; New-C8Collection keep_tmp").ShouldSucceed();
        Run("@{ x = 1 } | Add-C8Document tmp_a").ShouldSucceed();

        var found = Run("Get-C8Collection TMP*").ShouldSucceed().Objects<C8Collection>().ToArray();
        Run("Get-C8Collection TMP* | Remove-C8Collection -Force").ShouldSucceed();

        Assert.Equal(new[] { "tmp_a", "tmp_b" }, found.Select(c => c.Name));
        Assert.Equal(new long?[] { 1, 0 }, found.Select(c => c.Count));
        Assert.True(found[0].IsSpot);
        Assert.True(found[1].IsLocal);
        Assert.All(found, c => Assert.Equal(Fabric, c.Fabric));
        Assert.Equal(new[] { "keep_tmp" }, await CollectionNamesAsync());
    }

    [Fact]
    public async Task Clearing_removes_the_documents_and_keeps_the_collection()
    {
        await NumbersAsync("rows", 3);

        var cleared = Run("Clear-C8Collection rows -Force -PassThru").ShouldSucceed();

        Assert.Equal(0, Assert.Single(cleared.Objects<C8Collection>()).Count);
        Assert.Equal(0, await CountAsync("rows"));
        Assert.Contains("rows", await CollectionNamesAsync());
    }

    [Fact]
    public void A_spot_collection_in_a_fabric_without_a_spot_region_is_an_invalid_argument()
    {
        Shell.SetUnique("Plain", "nospot");
        Run("New-C8Fabric $Plain -SpotCreationType None").ShouldSucceed();
        try
        {
            var result = RunCaught("New-C8Collection accounts -Spot -Fabric $Plain");

            ErrorRecordAssert.SingleNonTerminating(result, "C8.BadParameter", ErrorCategory.InvalidArgument, "accounts");
            Assert.False(Assert.Single(Run("Get-C8Fabric $Plain").ShouldSucceed().Objects<C8Fabric>()).HasSpotRegion);
        }
        finally
        {
            Run("Remove-C8Fabric $Plain -Force").ShouldSucceed();
        }
    }
}
