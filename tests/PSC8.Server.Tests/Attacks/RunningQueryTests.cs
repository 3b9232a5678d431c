namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 18 item 3: how a user finds and stops a runaway query. Expected answers from API.md §7 (Related): kill
/// 200 {"error":false,"code":200}; an unknown id 404/1591; the killed query's caller 410/1500 "C8QL: query killed
/// (while executing)". Attribute names of /query/current and /query/properties are ArangoDB's.
/// </summary>
public sealed class RunningQueryTests(HardenedFixture fx) : IClassFixture<HardenedFixture>
{
    [Fact]
    public async Task A_running_query_is_listed_and_killing_it_answers_its_caller_410_1500()
    {
        var fabric = await fx.CreateFabricAsync();
        var owner = fx.KeyClient(fabric);
        var clock = Stopwatch.StartNew();
        var sleeper = owner.OpenCursorAsync(fabric, "RETURN SLEEP(30)");

        var listed = await ListedAsync(owner, fabric);
        Assert.Equal("RETURN SLEEP(30)", listed.Str("query"));
        Assert.Equal("executing", listed.Str("state"));
        var id = listed.Str("id")!;

        // Another caller neither sees it nor may kill it.
        var stranger = fx.KeyClient(fabric);
        Assert.Empty((await stranger.GetAsync(Paths.Fabric(fabric, "query/current"))).ShouldBe(200).Array);
        (await stranger.DeleteAsync(Paths.Fabric(fabric, "query/" + id))).ShouldFail(404, 1591);

        var killed = (await owner.DeleteAsync(Paths.Fabric(fabric, "query/" + id))).ShouldBe(200);
        Assert.Equal(false, killed.Json.Bool("error"));
        var answer = (await sleeper).ShouldFail(410, 1500);
        Assert.Equal("C8QL: query killed (while executing)", answer.Json.Str("errorMessage"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the killed query answered after {clock.Elapsed}");
        (await owner.DeleteAsync(Paths.Fabric(fabric, "query/" + id))).ShouldFail(404, 1591);
    }

    [Fact]
    public async Task Killing_a_streaming_query_closes_its_cursor()
    {
        var fabric = await fx.CreateFabricAsync();
        var api = fx.KeyClient(fabric);
        var first = (await api.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", new { batchSize = 2, options = new { stream = true } })).ShouldBe(201);
        var id = (await ListedAsync(api, fabric)).Str("id")!;
        (await api.DeleteAsync(Paths.Fabric(fabric, "query/" + id))).ShouldBe(200);
        (await api.PutAsync(CursorCalls.Cursor(fabric, first.Json.Str("id")))).ShouldFail(410, 1500);
    }

    [Fact]
    public async Task Slow_queries_are_kept_by_the_tracking_properties_and_cleared()
    {
        var fabric = await fx.CreateFabricAsync();
        var admin = fx.Api();
        var properties = (await admin.GetAsync(Paths.Fabric(fabric, "query/properties"))).ShouldBe(200);
        Assert.Equal(true, properties.Json.Bool("enabled"));
        try
        {
            Assert.Equal(0.2, (await admin.PutAsync(Paths.Fabric(fabric, "query/properties"), new { slowQueryThreshold = 0.2 })).ShouldBe(200).Object["slowQueryThreshold"]!.GetValue<double>());
            (await fx.KeyClient(fabric).PutAsync(Paths.Fabric(fabric, "query/properties"), new { enabled = false })).ShouldFail(403, 11);
            (await admin.OpenCursorAsync(fabric, "RETURN SLEEP(0.3)")).ShouldBe(201);
            (await admin.OpenCursorAsync(fabric, "RETURN 1")).ShouldBe(201);
            var slow = (await admin.GetAsync(Paths.Fabric(fabric, "query/slow"))).ShouldBe(200).Array;
            Assert.Equal("RETURN SLEEP(0.3)", Assert.Single(slow).Str("query"));
            (await admin.DeleteAsync(Paths.Fabric(fabric, "query/slow"))).ShouldBe(200);
            Assert.Empty((await admin.GetAsync(Paths.Fabric(fabric, "query/slow"))).ShouldBe(200).Array);
            (await admin.PutAsync(Paths.Fabric(fabric, "query/properties"), new { maxSlowQueries = "many" })).ShouldFail(400, 10);
        }
        finally
        {
            (await admin.PutAsync(Paths.Fabric(fabric, "query/properties"), new { slowQueryThreshold = 10 })).ShouldBe(200);
        }
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> ListedAsync(RegionClient api, string fabric)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var current = (await api.GetAsync(Paths.Fabric(fabric, "query/current"))).ShouldBe(200).Array;
            if (current.Count > 0)
            {
                return current[0]!;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the query never showed in /query/current");
            await Task.Delay(20);
        }
    }
}
