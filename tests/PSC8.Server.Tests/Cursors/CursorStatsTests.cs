namespace PSC8.Server.Tests.Cursors;

/// <summary>
/// extra.stats counts what the query really did, extra.profile (options.profile) gives the seconds each phase C8 Local
/// has took, in the order they ran, and a modification query writes all or nothing.
/// </summary>
public sealed class CursorStatsTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    private static readonly string[] Phases = ["parsing", "optimizing plan", "executing", "finalizing"];

    /// <summary>A fabric with one collection holding documents "1".."10" with n = 1..10.</summary>
    private async Task<(string Fabric, string Collection)> TenDocumentsAsync()
    {
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"FOR i IN 1..10 INSERT {{ _key: TO_STRING(i), n: i }} INTO `{collection}`");
        return (fabric, collection);
    }

    private async Task<long> CountAsync(string fabric, string collection, string region = Dc.UsWest) =>
        (await Fx.Api(region).GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200).Json.Long("count")!.Value;

    [Fact]
    public async Task A_full_scan_counts_scanned_full_and_filtered()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` FILTER d.n > 7 RETURN d.n");

        Assert.Equal(3, run.Rows.Count);
        Assert.Equal(10, run.Stats.Long("scannedFull"));
        Assert.Equal(0, run.Stats.Long("scannedIndex"));
        Assert.Equal(7, run.Stats.Long("filtered"));
        Assert.Equal(0, run.Stats.Long("writesExecuted"));
        Assert.Equal(0, run.Stats.Long("writesIgnored"));
        Assert.True(run.Stats["executionTime"]!.GetValue<double>() > 0);
        // C8 Local measures neither, so it reports neither (rather than a made-up 0).
        Assert.False(run.Stats.Has("peakMemoryUsage"));
        Assert.False(run.Stats.Has("httpRequests"));
    }

    [Fact]
    public async Task Key_lookups_use_the_primary_index()
    {
        var (f, c) = await TenDocumentsAsync();

        var one = await Api.QueryAsync(f, $"FOR d IN `{c}` FILTER d._key == '3' RETURN d.n");
        Assert.Equal(3, one.Rows.Single()!.GetValue<long>());
        Assert.Equal(1, one.Stats.Long("scannedIndex"));
        Assert.Equal(0, one.Stats.Long("scannedFull"));

        var list = await Api.QueryAsync(f, $"FOR d IN `{c}` FILTER d._key IN ['2', '9', 'nope'] RETURN d.n");
        Assert.Equal(2, list.Rows.Count);
        Assert.Equal(2, list.Stats.Long("scannedIndex"));
        Assert.Equal(0, list.Stats.Long("scannedFull"));

        var byId = await Api.QueryAsync(f, $"FOR d IN `{c}` FILTER d._id == '{c}/7' RETURN d.n");
        Assert.Equal(1, byId.Stats.Long("scannedIndex"));
    }

    [Fact]
    public async Task Writes_are_counted_executed_or_ignored()
    {
        var (f, c) = await TenDocumentsAsync();

        var inserted = await Api.QueryAsync(f, $"FOR i IN 9..12 INSERT {{ _key: TO_STRING(i), n: i }} INTO `{c}` OPTIONS {{ ignoreErrors: true }}");
        Assert.Equal(2, inserted.Stats.Long("writesExecuted"));
        Assert.Equal(2, inserted.Stats.Long("writesIgnored"));

        var updated = await Api.QueryAsync(f, $"FOR d IN `{c}` FILTER d.n <= 3 UPDATE d WITH {{ seen: true }} IN `{c}` RETURN NEW.seen");
        Assert.Equal(3, updated.Stats.Long("writesExecuted"));
        Assert.Equal(12, updated.Stats.Long("scannedFull"));
        Assert.Equal(9, updated.Stats.Long("filtered"));
    }

    [Fact]
    public async Task A_write_only_query_answers_an_empty_result_with_its_stats()
    {
        var (f, c) = await TenDocumentsAsync();
        var first = (await Api.OpenCursorAsync(f, $"FOR d IN `{c}` REMOVE d IN `{c}`")).ShouldBe(201);
        Assert.Empty(first.Object.Arr("result"));
        Assert.False(first.Json.Bool("hasMore"));
        Assert.False(first.Json.Has("id"));
        Assert.Equal(10, first.Object.Obj("extra").Obj("stats").Long("writesExecuted"));
        Assert.Equal(0, await CountAsync(f, c));
    }

    [Fact]
    public async Task An_insert_failing_midway_writes_nothing()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"INSERT {{ _key: '3', original: true }} INTO `{c}`");

        (await Api.OpenCursorAsync(fabric, $"FOR i IN 1..5 INSERT {{ _key: TO_STRING(i) }} INTO `{c}`")).ShouldFail(409, 1210);

        Assert.Equal(1, await CountAsync(fabric, c));
        (await Api.GetAsync(Paths.Document(fabric, c, "1"))).ShouldFail(404, 1202);
        (await Api.GetAsync(Paths.Document(fabric, c, "2"))).ShouldFail(404, 1202);
        Assert.True((await Api.GetAsync(Paths.Document(fabric, c, "3"))).ShouldBe(200).Json.Bool("original"));
    }

    [Fact]
    public async Task An_update_failing_midway_leaves_every_document_as_it_was()
    {
        var (f, c) = await TenDocumentsAsync();

        // The 6th update hits a revision that does not match; the five before it must be rolled back with it.
        (await Api.OpenCursorAsync(f, $"FOR d IN `{c}` SORT d.n UPDATE d.n == 6 ? MERGE(d, {{ _rev: 'stale' }}) : d WITH {{ n: -1 }} IN `{c}` OPTIONS {{ ignoreRevs: false }}"))
            .ShouldFail(412, 1200);

        var values = await Api.QueryAsync(f, $"FOR d IN `{c}` SORT d.n RETURN d.n");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), values.Rows.Select(r => r!.GetValue<long>()));
    }

    [Fact]
    public async Task A_failed_write_query_replicates_nothing()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        (await Api.OpenCursorAsync(fabric, $"FOR i IN [1, 2, 1] INSERT {{ _key: TO_STRING(i) }} INTO `{c}`")).ShouldFail(409, 1210);
        // A marker written afterwards travels behind anything the failed query could have logged.
        await Api.QueryAsync(fabric, $"INSERT {{ _key: 'marker' }} INTO `{c}`");

        await Eventually.WaitForAsync(() => Fx.Api(Dc.EuCentral).GetAsync(Paths.Document(fabric, c, "marker")), r => r.Status == 200,
            TimeSpan.FromSeconds(10), "the marker to replicate");
        Assert.Equal(1, await CountAsync(fabric, c, Dc.EuCentral));
    }

    private static void AssertPhases(HttpExchange batch)
    {
        var profile = batch.Object.Obj("extra").Obj("profile");
        Assert.Equal(Phases, profile.Select(p => p.Key));
        Assert.All(profile, p => Assert.True(p.Value!.GetValue<double>() >= 0, $"{p.Key} took {p.Value}"));
        Assert.True(profile["executing"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Without_profile_there_is_no_profile()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` RETURN d.n");
        Assert.False(run.Last.Object.Obj("extra").Has("profile"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_profiled_query_reports_every_phase_on_every_batch(object level)
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` SORT d.n RETURN d.n", new { batchSize = 4, options = new { profile = level } });

        Assert.Equal(3, run.Batches.Count);
        foreach (var batch in run.Batches)
        {
            AssertPhases(batch);
        }
        // The query ran to the end before its first batch: later batches report the same profile.
        Assert.True(JsonNode.DeepEquals(run.First.Object.Obj("extra")["profile"], run.Last.Object.Obj("extra")["profile"]));
    }

    [Fact]
    public async Task A_profiled_streaming_cursor_reports_its_phases_with_the_final_batch()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` RETURN d.n", new { batchSize = 4, options = new { stream = true, profile = true } });

        Assert.Equal(3, run.Batches.Count);
        Assert.All(run.Batches.SkipLast(1), batch => Assert.False(batch.Object.Has("extra")));
        AssertPhases(run.Last);
    }

    [Fact]
    public async Task A_profiled_modification_query_reports_every_phase()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` UPDATE d WITH {{ seen: true }} IN `{c}`", new { options = new { profile = true } });
        Assert.Equal(10, run.Stats.Long("writesExecuted"));
        AssertPhases(run.First);
    }

    [Fact]
    public async Task Profile_false_or_0_asks_for_nothing()
    {
        var (f, c) = await TenDocumentsAsync();
        foreach (var level in new object[] { false, 0 })
        {
            var run = await Api.QueryAsync(f, $"FOR d IN `{c}` RETURN d.n", new { options = new { profile = level } });
            Assert.False(run.Last.Object.Obj("extra").Has("profile"));
        }
    }
}
