namespace PSC8.Server.Tests.Cursors;

/// <summary>The cursor protocol (API.md §7): batch sizes, count, paging with PUT to the end, ids, DELETE, ttl, stream and fullCount.</summary>
public sealed class CursorPagingTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    private static IEnumerable<long> Numbers(JsonArray rows) => rows.Select(row => row!.GetValue<long>());

    [Fact]
    public async Task The_default_batch_size_is_100()
    {
        var fabric = await Fx.CreateFabricAsync();
        var first = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..250 RETURN i")).ShouldBe(201);
        Assert.Equal(100, first.Object.Arr("result").Count);
        Assert.True(first.Json.Bool("hasMore"));
        Assert.Equal(201, first.Json.Long("code"));
        Assert.False(first.Json.Bool("error"));
        Assert.False(first.Json.Bool("cached"));
        Assert.Matches("^[0-9]+$", first.Json.Str("id"));
        Assert.False(first.Json.Has("count"));
    }

    [Fact]
    public async Task Batch_size_goes_up_to_1000()
    {
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN 1..1500 RETURN i", new { batchSize = 1000 });
        Assert.Equal([1000, 500], run.Batches.Select(b => b.Object.Arr("result").Count));
        Assert.Equal(Enumerable.Range(1, 1500).Select(i => (long)i), Numbers(run.Rows));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("2.5")]
    [InlineData("\"10\"")]
    public async Task Batch_sizes_out_of_range_are_rejected(string batchSize)
    {
        var fabric = await Fx.CreateFabricAsync();
        var body = JsonNode.Parse($$"""{"query":"RETURN 1","batchSize":{{batchSize}}}""");
        (await Api.PostAsync(CursorCalls.Cursor(fabric), body)).ShouldFail(400, 10);
    }

    [Fact]
    public async Task Count_reports_the_total_number_of_rows_on_the_first_batch()
    {
        var fabric = await Fx.CreateFabricAsync();
        var first = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..25 FILTER i % 2 == 0 RETURN i", new { count = true, batchSize = 5 })).ShouldBe(201);
        Assert.Equal(12, first.Json.Long("count"));
        Assert.True(first.Json.Bool("hasMore"));
    }

    [Fact]
    public async Task Paging_over_three_pages_then_the_cursor_is_gone()
    {
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"FOR i IN 1..250 INSERT {{ _key: TO_STRING(i), n: i }} INTO `{collection}`");

        var run = await Api.QueryAsync(fabric, $"FOR d IN `{collection}` SORT d.n RETURN d.n");

        Assert.Equal([100, 100, 50], run.Batches.Select(b => b.Object.Arr("result").Count));
        Assert.Equal(201, run.First.Status);
        Assert.All(run.Batches.Skip(1), b => Assert.Equal(200, b.Json.Long("code")));
        Assert.Equal([true, true, false], run.Batches.Select(b => b.Json.Bool("hasMore") == true));
        var id = run.First.Json.Str("id")!;
        Assert.Equal(id, run.Batches[1].Json.Str("id"));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), Numbers(run.Rows));

        (await Api.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
        (await Api.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
    }

    [Fact]
    public async Task A_result_that_fits_in_one_batch_has_no_cursor_id()
    {
        var fabric = await Fx.CreateFabricAsync();
        var first = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..3 RETURN i", new { batchSize = 3 })).ShouldBe(201);
        Assert.False(first.Json.Bool("hasMore"));
        Assert.False(first.Json.Has("id"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("-5")]
    public async Task A_malformed_cursor_id_is_400_to_PUT_and_404_to_DELETE(string id)
    {
        // pyC8's test_cursor_invalid_id cassette: PUT cursor/invalid is 400/400, DELETE cursor/invalid 404/1600.
        var fabric = await Fx.CreateFabricAsync();
        var put = (await Api.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(400, 400);
        Assert.Equal("invalid cursor ID", put.Json.Str("errorMessage"));
        var delete = (await Api.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
        Assert.Equal("cursor not found", delete.Json.Str("errorMessage"));
    }

    [Fact]
    public async Task An_unknown_cursor_id_is_404_1600()
    {
        var fabric = await Fx.CreateFabricAsync();
        var put = (await Api.PutAsync(CursorCalls.Cursor(fabric, "123456789"))).ShouldFail(404, 1600);
        Assert.Equal("cursor not found", put.Json.Str("errorMessage"));
    }

    [Fact]
    public async Task Delete_closes_the_cursor()
    {
        var fabric = await Fx.CreateFabricAsync();
        var id = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", new { batchSize = 2 })).ShouldBe(201).Json.Str("id")!;

        var deleted = (await Api.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldBe(202);
        Assert.Equal(id, deleted.Json.Str("id"));
        Assert.Equal(202, deleted.Json.Long("code"));
        Assert.False(deleted.Json.Bool("error"));

        (await Api.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
        (await Api.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
    }

    [Fact]
    public async Task A_cursor_lives_while_it_is_read_and_expires_after_its_idle_ttl()
    {
        var fabric = await Fx.CreateFabricAsync();
        var id = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..100 RETURN i", new { batchSize = 1, ttl = 2 })).ShouldBe(201).Json.Str("id")!;

        // Reading every 400 ms for longer than the ttl: each batch renews the cursor's lease. The ttl leaves a loaded
        // machine more than a second of slack between two reads.
        for (var i = 0; i < 7; i++)
        {
            await Task.Delay(400);
            (await Api.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldBe(200);
        }

        // Each probe comes only after more than the ttl of idleness, so probing cannot keep the cursor alive.
        await Eventually.WaitForAsync(async () =>
        {
            await Task.Delay(2200);
            return await Api.PutAsync(CursorCalls.Cursor(fabric, id));
        }, r => r.Status == 404, TimeSpan.FromSeconds(15), "the idle cursor to expire");
        (await Api.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
    }

    [Fact]
    public async Task A_streaming_cursor_sends_extra_only_with_its_final_batch()
    {
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN 1..5 RETURN i", new { batchSize = 2, options = new { stream = true } });

        Assert.Equal(3, run.Batches.Count);
        Assert.All(run.Batches.SkipLast(1), b => Assert.False(b.Json.Has("extra"), b.ToString()));
        Assert.True(run.Stats.Has("executionTime"));
        Assert.Equal([1L, 2, 3, 4, 5], Numbers(run.Rows));
    }

    [Fact]
    public async Task Stream_may_also_be_given_at_the_top_level_as_pyC8_sends_it()
    {
        var fabric = await Fx.CreateFabricAsync();
        var first = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..5 RETURN i", new { batchSize = 2, stream = true })).ShouldBe(201);
        Assert.False(first.Json.Has("extra"));
    }

    [Fact]
    public async Task A_non_streaming_cursor_sends_final_stats_with_every_batch()
    {
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"FOR i IN 1..6 INSERT {{ n: i }} INTO `{collection}`");

        var run = await Api.QueryAsync(fabric, $"FOR d IN `{collection}` RETURN d.n", new { batchSize = 2 });

        // The query has run to the end before the first batch is sent, so its statistics are complete from the start.
        Assert.All(run.Batches, b => Assert.Equal(6, b.Object.Obj("extra").Obj("stats").Long("scannedFull")));
    }

    [Fact]
    public async Task Full_count_counts_the_rows_before_the_last_limit()
    {
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN 1..100 FILTER i % 2 == 0 LIMIT 5, 10 RETURN i",
            new { batchSize = 4, options = new { fullCount = true } });

        Assert.Equal(Enumerable.Range(6, 10).Select(i => 2L * i), Numbers(run.Rows));
        Assert.All(run.Batches, b => Assert.Equal(50, b.Object.Obj("extra").Obj("stats").Long("fullCount")));
    }

    [Fact]
    public async Task Without_the_option_there_is_no_full_count()
    {
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN 1..100 LIMIT 10 RETURN i");
        Assert.False(run.Stats.Has("fullCount"));
    }
}
