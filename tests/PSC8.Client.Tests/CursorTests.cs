namespace PSC8.Client.Tests;

public sealed class CursorTests(C8LocalFixture fixture) : CollectionTest(fixture, C)
{
    private const string C = "numbers";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InsertNumbersAsync(250, "n");
    }

    private static C8Query Numbers(int batchSize = 100)
    {
        var query = new C8Query("FOR d IN @@c SORT d.n RETURN d.n") { BatchSize = batchSize, Count = true };
        query.BindVars["@c"] = C;
        return query;
    }

    [Fact]
    public async Task Reads_three_pages_in_order()
    {
        using var cursor = await Root.Queries.OpenAsync(Fabric, Numbers());
        Assert.Equal(250, cursor.Count);
        Assert.True(cursor.HasMore);
        Assert.NotNull(cursor.Id);

        var pages = new List<C8CursorPage>();
        while (await cursor.ReadPageAsync() is C8CursorPage page)
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 100, 100, 50 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new[] { 1, 2, 3 }, pages.Select(p => p.Number));
        Assert.Equal(new[] { true, true, false }, pages.Select(p => p.HasMore));
        Assert.Equal(Enumerable.Range(0, 250), pages.SelectMany(p => p.Items).Select(e => e.GetInt32()));
        Assert.False(cursor.HasMore);
        Assert.Null(cursor.Id);
        Assert.Equal(3, cursor.PagesFetched);
        Assert.Equal(2, LogLines("PUT /_fabric/" + Fabric + "/_api/cursor/").Length);

        await cursor.CloseAsync();
        Assert.Empty(LogLines("DELETE /_fabric/" + Fabric + "/_api/cursor/"));
    }

    [Fact]
    public async Task Streams_every_row_lazily()
    {
        var rows = new List<int>();
        var delivered = await Root.Queries.ForEachAsync(Fabric, Numbers(), row =>
        {
            rows.Add(row.GetInt32());
            return true;
        });

        Assert.Equal(250, delivered);
        Assert.Equal(Enumerable.Range(0, 250), rows);
        Assert.Equal(2, LogLines("PUT /_fabric/" + Fabric + "/_api/cursor/").Length);
        Assert.Equal(Enumerable.Range(0, 250), (await Root.Queries.ToListAsync(Fabric, Numbers(1000))).Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Stopping_early_fetches_only_the_first_page_and_deletes_the_cursor()
    {
        var taken = new List<int>();
        await Root.Queries.ForEachAsync(Fabric, Numbers(), row =>
        {
            taken.Add(row.GetInt32());
            return taken.Count < 5;
        });

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, taken);
        Assert.Single(LogLines("POST /_fabric/" + Fabric + "/_api/cursor ->"));
        Assert.Empty(LogLines("PUT /_fabric/" + Fabric + "/_api/cursor/"));
        var delete = Assert.Single(LogLines("DELETE /_fabric/" + Fabric + "/_api/cursor/"));
        Assert.Contains("-> 202", delete);
    }

    [Fact]
    public async Task Row_reader_stops_early_and_dispose_deletes_the_cursor()
    {
        var rows = new List<int>();
        using (var cursor = await Root.Queries.OpenAsync(Fabric, Numbers()))
        {
            while (rows.Count < 150 && await cursor.MoveNextAsync())
            {
                rows.Add(cursor.Current.GetInt32());
            }

            Assert.Equal(2, cursor.PagesFetched);
        }

        Assert.Equal(Enumerable.Range(0, 150), rows);
        Assert.Single(LogLines("PUT /_fabric/" + Fabric + "/_api/cursor/"));
        Assert.Single(LogLines("DELETE /_fabric/" + Fabric + "/_api/cursor/"));
    }

    [Fact]
    public async Task A_throwing_consumer_still_deletes_the_cursor()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Root.Queries.ForEachAsync(Fabric, Numbers(), row => throw new InvalidOperationException("stop")));
        Assert.Empty(LogLines("PUT /_fabric/" + Fabric + "/_api/cursor/"));
        Assert.Single(LogLines("DELETE /_fabric/" + Fabric + "/_api/cursor/"));
    }

    [Fact]
    public async Task A_closed_cursor_is_gone_on_the_server()
    {
        var cursor = await Root.Queries.OpenAsync(Fabric, Numbers());
        var id = cursor.Id!;
        var first = await cursor.ReadPageAsync();
        Assert.Equal(100, first!.Items.Count);
        await cursor.CloseAsync();
        Assert.Null(await cursor.ReadPageAsync());

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Queries.DeleteCursorAsync(Fabric, id));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(1600, ex.ErrorNum);
        Assert.Equal("C8.CursorNotFound", ex.ErrorId);
    }

    [Fact]
    public async Task Full_count_and_small_results()
    {
        var query = new C8Query("FOR d IN numbers SORT d.n LIMIT 10 RETURN d") { FullCount = true };
        using var cursor = await Root.Queries.OpenAsync(Fabric, query);
        var page = await cursor.ReadPageAsync();
        Assert.Equal(10, page!.Items.Count);
        Assert.False(page.HasMore);
        Assert.Equal(250, page.FullCount);
        Assert.Null(cursor.Id);
        Assert.Equal("n0", page.Items[0].GetProperty("_key").GetString());
    }

    [Fact]
    public async Task Bind_values_of_every_kind_reach_the_server()
    {
        var query = new C8Query("RETURN [@s, @i, @b, @list, @obj, @nothing]");
        query.BindVars["s"] = "text";
        query.BindVars["i"] = 42;
        query.BindVars["b"] = true;
        query.BindVars["list"] = new[] { 1, 2 };
        query.BindVars["obj"] = new Dictionary<string, object?> { ["k"] = "v" };
        query.BindVars["nothing"] = null;
        var rows = await Root.Queries.ToListAsync(Fabric, query);
        Assert.Equal("[\"text\",42,true,[1,2],{\"k\":\"v\"},null]", Assert.Single(rows).GetRawText());
    }

    [Fact]
    public async Task Query_errors_map_to_stable_ids()
    {
        var syntax = await Assert.ThrowsAsync<C8ApiException>(() => Root.Queries.OpenAsync(Fabric, new C8Query("FOR d IN numbers RETRN d")));
        Assert.Equal(400, syntax.StatusCode);
        Assert.Equal(1501, syntax.ErrorNum);
        Assert.Equal("C8.QuerySyntaxError", syntax.ErrorId);

        var missingBind = await Assert.ThrowsAsync<C8ApiException>(() => Root.Queries.OpenAsync(Fabric, new C8Query("RETURN @missing")));
        Assert.Equal(1551, missingBind.ErrorNum);

        var missingCollection = await Assert.ThrowsAsync<C8ApiException>(() => Root.Queries.OpenAsync(Fabric, new C8Query("FOR d IN no_such_collection RETURN d")));
        Assert.Equal("C8.CollectionNotFound", missingCollection.ErrorId);
    }

    [Fact]
    public async Task Write_queries_return_no_rows()
    {
        using var cursor = await Root.Queries.OpenAsync(Fabric, new C8Query("FOR i IN 1..3 INSERT { _key: CONCAT('q', i) } INTO numbers"));
        var page = await cursor.ReadPageAsync();
        Assert.Empty(page!.Items);
        Assert.False(cursor.HasMore);
        Assert.Equal(253, await Root.Collections.CountAsync(Fabric, C));
    }

    [Fact]
    public async Task Explain_returns_a_plan()
    {
        var plan = await Root.Queries.ExplainAsync(Fabric, Numbers());
        Assert.Equal(JsonValueKind.Object, plan.ValueKind);
        Assert.True(plan.TryGetProperty("plan", out _) || plan.TryGetProperty("plans", out _));

        var bad = await Assert.ThrowsAsync<C8ApiException>(() => Root.Queries.ExplainAsync(Fabric, new C8Query("FOR FOR")));
        Assert.Equal("C8.QuerySyntaxError", bad.ErrorId);
    }
}
