namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the cursor-hoarding row, across regions: each region keeps its own cursors (as GDN does), but the cap per
/// caller (--max-cursors-per-caller, and --max-queries-per-caller for queries running at once) holds for the whole
/// server, so spreading the load over regions gains nothing.
/// </summary>
public sealed class CrossRegionQuotaAttackTests(HardenedFixture fx) : IClassFixture<HardenedFixture>
{
    /// <summary>One fresh API key with rw on the fabric, as clients of us-west, eu-central and ap-south.</summary>
    private (RegionClient West, RegionClient Europe, RegionClient Asia) OneKeyInEveryRegion(string fabric)
    {
        var key = "apikey " + fx.AddApiKey((fabric, "", Cluster.AccessLevel.ReadWrite));
        return (fx.Api(Dc.UsWest).WithAuthorization(key), fx.Api(Dc.EuCentral).WithAuthorization(key), fx.Api(Dc.ApSouth).WithAuthorization(key));
    }

    [Fact]
    public async Task The_cursor_cap_counts_a_callers_cursors_in_every_region()
    {
        var fabric = await fx.CreateFabricAsync();
        var (west, europe, asia) = OneKeyInEveryRegion(fabric);
        var hoard = new { batchSize = 1, options = new { stream = true } };
        var opened = new List<(RegionClient Region, string Id)>();
        for (var i = 0; i < HardenedFixture.CursorsPerCaller; i++)
        {
            var region = i % 2 == 0 ? west : europe;
            opened.Add((region, (await region.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldBe(201).Json.Str("id")!));
        }

        foreach (var region in new[] { west, europe, asia })
        {
            var refused = (await region.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldFail(429, 32);
            Assert.Contains("--max-cursors-per-caller", refused.Json.Str("errorMessage"));
        }
        var (home, id) = opened[1];
        (await home.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldBe(202);
        (await asia.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldBe(201);
    }

    [Fact]
    public async Task The_query_cap_counts_a_callers_queries_in_every_region()
    {
        var fabric = await fx.CreateFabricAsync();
        var (west, europe, asia) = OneKeyInEveryRegion(fabric);
        var sleepers = Enumerable.Range(0, HardenedFixture.QueriesPerCaller)
            .Select(i => (i % 2 == 0 ? west : europe).OpenCursorAsync(fabric, "RETURN SLEEP(2)")).ToList();
        await Eventually.WaitForAsync(() => Task.FromResult(fx.Host.Cluster.Queries.Current(fabric, "", admin: true).Count()),
            running => running == sleepers.Count, TimeSpan.FromSeconds(10), "the sleeping queries to run");

        var refused = (await asia.OpenCursorAsync(fabric, "RETURN 1")).ShouldFail(429, 32);
        Assert.Contains("--max-queries-per-caller", refused.Json.Str("errorMessage"));
        foreach (var sleeper in sleepers)
        {
            (await sleeper).ShouldBe(201);
        }
    }
}
