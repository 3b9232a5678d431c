namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, rows 1 to 3: one query must not stall the server. Each test is bounded (a few seconds, a few dozen
/// requests, loopback only) and fails on the code before the query limits: there a sleeping write query held the
/// region's write lock, SLEEP blocked pool threads for as long as asked, and results were buffered without bound.
/// Expected errors: 410/1500 "query killed" and errorNum 32 (resource limit), ArangoDB's numbers (API.md §12.2, §7).
/// </summary>
public sealed class QueryLimitAttackTests(HardenedFixture fx) : IClassFixture<HardenedFixture>
{
    [Fact]
    public async Task A_sleeping_write_query_blocks_neither_another_fabric_nor_another_collection()
    {
        var fabric = await fx.CreateFabricAsync();
        var other = await fx.CreateFabricAsync();
        var written = await fx.CreateCollectionAsync(fabric);
        var sibling = await fx.CreateCollectionAsync(fabric);
        var elsewhere = await fx.CreateCollectionAsync(other);
        var api = fx.Api();

        var sleeper = api.OpenCursorAsync(fabric, $"INSERT {{ _key: 'slept', x: 1 }} INTO {written} LET s = SLEEP(3) RETURN s");
        await WaitUntilRunningAsync(fabric);

        var clock = Stopwatch.StartNew();
        (await api.PostAsync(Paths.Documents(other, elsewhere), new { v = 1 })).ShouldBe(202);
        (await api.PostAsync(Paths.Documents(fabric, sibling), new { v = 1 })).ShouldBe(202);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"writes beside the query waited {clock.Elapsed}");

        // A writer of the collection the query writes waits for it, then goes ahead; the query's own write is kept.
        var blocked = api.PostAsync(Paths.Documents(fabric, written), new { _key = "after" });
        Assert.False(blocked.IsCompleted);
        (await sleeper).ShouldBe(201);
        (await blocked).ShouldBe(202);
        (await api.GetAsync(Paths.Document(fabric, written, "slept"))).ShouldBe(200);
    }

    [Fact]
    public async Task A_write_query_that_runs_out_of_time_writes_nothing()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().OpenCursorAsync(fabric, $"FOR i IN 1..3 INSERT {{ i }} INTO {c} LET s = SLEEP(10) RETURN s", new { options = new { maxRuntime = 0.5 } }))
            .ShouldFail(410, 1500);
        Assert.Equal(0, (await fx.Api().GetAsync(Paths.Collection(fabric, c, "count"))).Json.Long("count"));
    }

    [Fact]
    public async Task SLEEP_stops_at_maxRuntime_and_at_the_server_default_without_it()
    {
        var fabric = await fx.CreateFabricAsync();
        var clock = Stopwatch.StartNew();
        var killed = (await fx.Api().OpenCursorAsync(fabric, "RETURN SLEEP(2000000)", new { options = new { maxRuntime = 1 } })).ShouldFail(410, 1500);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.Equal("C8QL: query killed (while executing)", killed.Json.Str("errorMessage"));

        clock.Restart();
        (await fx.Api().OpenCursorAsync(fabric, "RETURN SLEEP(2000000)")).ShouldFail(410, 1500);
        Assert.InRange(clock.Elapsed, HardenedFixture.MaxRuntime - TimeSpan.FromSeconds(0.2), HardenedFixture.MaxRuntime + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Forty_sleeping_queries_leave_the_health_check_and_another_callers_point_read_fast()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, c), new { _key = "k" })).ShouldBe(202);
        var callers = Enumerable.Range(0, 10).Select(_ => fx.KeyClient(fabric)).ToList();
        var sleepers = callers.SelectMany(api => Enumerable.Range(0, HardenedFixture.QueriesPerCaller)
            .Select(_ => api.OpenCursorAsync(fabric, "RETURN SLEEP(4)"))).ToList();
        await WaitUntilRunningAsync(fabric, sleepers.Count);

        var worst = TimeSpan.Zero;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            (await fx.Anonymous().GetAsync("/_open/health")).ShouldBe(200);
            (await fx.Api(Dc.EuCentral).GetAsync(Paths.Document(fabric, c, "k"))).ShouldBe(200);
            (await fx.Api().OpenCursorAsync(fabric, $"RETURN DOCUMENT('{c}/k')._key")).ShouldBe(201);
            worst = clock.Elapsed > worst ? clock.Elapsed : worst;
        }
        Assert.True(worst < TimeSpan.FromSeconds(1), $"health check + point read + point query took up to {worst} while 40 queries slept");
        foreach (var sleeper in sleepers)
        {
            (await sleeper).ShouldBe(201);
        }
    }

    [Fact]
    public async Task A_huge_result_stops_at_the_memory_limit_and_the_server_gives_the_memory_back()
    {
        var fabric = await fx.CreateFabricAsync();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var refused = (await fx.Api().OpenCursorAsync(fabric, "FOR i IN 1..100000000 RETURN i")).ShouldFail(400, 32);
        Assert.Contains("memoryLimit", refused.Json.Str("errorMessage"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"refused after {clock.Elapsed}");

        // Asking for more than the server allows is cut to the ceiling, not granted.
        (await fx.Api().OpenCursorAsync(fabric, "FOR i IN 1..100000000 RETURN i", new { options = new { memoryLimit = 1L << 40 } }))
            .ShouldFail(400, 32);
        // Sorting keeps rows too: they count as well.
        (await fx.Api().OpenCursorAsync(fabric, "FOR i IN 1..100000000 SORT RAND() RETURN i", new { options = new { memoryLimit = 1 << 20 } }))
            .ShouldFail(400, 32);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var growth = Process.GetCurrentProcess().WorkingSet64 - before;
        Assert.True(growth < 600L * 1024 * 1024, $"the server kept {growth / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task A_caller_beyond_its_query_cap_gets_429_and_another_caller_does_not()
    {
        var fabric = await fx.CreateFabricAsync();
        var greedy = fx.KeyClient(fabric);
        var sleepers = Enumerable.Range(0, HardenedFixture.QueriesPerCaller).Select(_ => greedy.OpenCursorAsync(fabric, "RETURN SLEEP(2)")).ToList();
        await WaitUntilRunningAsync(fabric, sleepers.Count);

        var refused = (await greedy.OpenCursorAsync(fabric, "RETURN 1")).ShouldFail(429, 32);
        Assert.Contains("--max-queries-per-caller", refused.Json.Str("errorMessage"));
        (await fx.KeyClient(fabric).OpenCursorAsync(fabric, "RETURN 1")).ShouldBe(201);
        foreach (var sleeper in sleepers)
        {
            (await sleeper).ShouldBe(201);
        }
        (await greedy.OpenCursorAsync(fabric, "RETURN 1")).ShouldBe(201);
    }

    private async Task WaitUntilRunningAsync(string fabric, int count = 1)
    {
        var clock = Stopwatch.StartNew();
        while (fx.Host.Cluster.Queries.Current(fabric, "", admin: true).Count() < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"fewer than {count} queries started in {fabric}");
            await Task.Delay(20);
        }
    }
}
