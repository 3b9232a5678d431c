namespace PSC8.Server.Tests.Cursors;

/// <summary>How the cursor API reports query errors and warnings (API.md §7, §12), and parse-only and explain.</summary>
public sealed class QueryErrorTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    [Fact]
    public async Task A_syntax_error_is_1501_with_line_and_column()
    {
        var fabric = await Fx.CreateFabricAsync();
        var single = (await Api.OpenCursorAsync(fabric, "INVALID QUERY")).ShouldFail(400, 1501);
        Assert.Equal("syntax error, unexpected identifier near 'INVALID QUERY' at position 1:1", single.Json.Str("errorMessage"));

        var multiline = (await Api.OpenCursorAsync(fabric, "FOR u IN [1]\n  FILTER u ==\n  RETURN u")).ShouldFail(400, 1501);
        Assert.EndsWith("at position 3:3", multiline.Json.Str("errorMessage"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task An_empty_query_is_1502(string query)
    {
        var fabric = await Fx.CreateFabricAsync();
        (await Api.OpenCursorAsync(fabric, query)).ShouldFail(400, 1502);
    }

    [Fact]
    public async Task A_missing_or_non_string_query_is_a_bad_request()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await Api.PostAsync(CursorCalls.Cursor(fabric), new { batchSize = 5 })).ShouldFail(400, 10);
        (await Api.PostAsync(CursorCalls.Cursor(fabric), new { query = 5 })).ShouldFail(400, 10);
        (await Api.PostAsync(CursorCalls.Cursor(fabric), new { query = "RETURN 1", bindVars = new[] { 1 } })).ShouldFail(400, 10);
    }

    [Fact]
    public async Task Bind_parameter_errors_are_1551_1552_and_1553()
    {
        var fabric = await Fx.CreateFabricAsync();
        var missing = (await Api.OpenCursorAsync(fabric, "RETURN @x")).ShouldFail(400, 1551);
        Assert.Contains("'x'", missing.Json.Str("errorMessage"));
        (await Api.OpenCursorAsync(fabric, "RETURN 1", new { bindVars = new { y = 1 } })).ShouldFail(400, 1552);
        (await Api.PostAsync(CursorCalls.Cursor(fabric), JsonNode.Parse("""{"query":"FOR d IN @@c RETURN d","bindVars":{"@c":true}}""")))
            .ShouldFail(400, 1553);

        var bound = await Api.QueryAsync(fabric, "RETURN [@a, @b]", new { bindVars = new { a = 1, b = "two" } });
        Assert.Equal("""[[1,"two"]]""", bound.Rows.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_collection_is_404_1203()
    {
        var fabric = await Fx.CreateFabricAsync();
        var error = (await Api.OpenCursorAsync(fabric, "FOR d IN nowhere RETURN d")).ShouldFail(404, 1203);
        Assert.Contains("nowhere", error.Json.Str("errorMessage"));
        (await Api.PostAsync(CursorCalls.Cursor(fabric), JsonNode.Parse("""{"query":"FOR d IN @@c RETURN d","bindVars":{"@c":"nowhere"}}""")))
            .ShouldFail(404, 1203);
    }

    [Fact]
    public async Task Function_errors_are_1540_and_1541()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await Api.OpenCursorAsync(fabric, "RETURN NO_SUCH_FUNCTION(1)")).ShouldFail(400, 1540);
        (await Api.OpenCursorAsync(fabric, "RETURN LENGTH(1, 2)")).ShouldFail(400, 1541);
    }

    [Fact]
    public async Task Division_by_zero_is_a_1562_warning_and_an_error_with_failOnWarning()
    {
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN [1, 0] RETURN 10 / i");
        Assert.Equal("[10,null]", run.Rows.ToJsonString());
        var warning = Assert.Single(run.Last.Object.Obj("extra").Arr("warnings"));
        Assert.Equal(1562, warning.Long("code"));
        Assert.False(string.IsNullOrEmpty(warning.Str("message")));

        (await Api.OpenCursorAsync(fabric, "RETURN 1 / 0", new { options = new { failOnWarning = true } })).ShouldFail(400, 1562);
    }

    [Fact]
    public async Task A_runtime_error_after_the_first_batch_fails_the_open_of_a_non_streaming_cursor()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await Api.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i == 8 ? FAIL('late') : i", new { batchSize = 2 })).ShouldFail(400, 1569);
    }

    [Fact]
    public async Task A_streaming_cursor_that_fails_on_a_later_batch_is_gone_afterwards()
    {
        var fabric = await Fx.CreateFabricAsync();
        var first = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i == 8 ? FAIL('late') : i",
            new { batchSize = 2, options = new { stream = true } })).ShouldBe(201);
        var batches = await Api.FollowAsync(fabric, first);

        batches[^1].ShouldFail(400, 1569);
        Assert.Equal(4, batches.Count);
        (await Api.PutAsync(CursorCalls.Cursor(fabric, first.Json.Str("id")!))).ShouldFail(404, 1600);
    }

    [Fact]
    public async Task Parse_only_names_collections_and_bind_parameters_and_gives_the_syntax_tree()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        var parsed = (await Api.PostAsync(Paths.Fabric(fabric, "query"), new { query = $"FOR u IN `{c}` FILTER u.age > @min INSERT u INTO @@target" }))
            .ShouldBe(200);

        Assert.True(parsed.Json.Bool("parsed"));
        Assert.Equal(200, parsed.Json.Long("code"));
        Assert.Contains(c, parsed.Object.Arr("collections").Strings());
        Assert.Equal(["@target", "min"], parsed.Object.Arr("bindVars").Strings().Order(StringComparer.Ordinal));
        var root = Assert.Single(parsed.Object.Arr("ast"));
        Assert.Equal("root", root.Str("type"));
        Assert.NotEmpty(root.Arr("subNodes"));

        (await Api.PostAsync(Paths.Fabric(fabric, "query"), new { query = "FOR u IN" })).ShouldFail(400, 1501);
    }

    [Fact]
    public async Task Explain_describes_the_plan()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        var explained = (await Api.PostAsync(Paths.Fabric(fabric, "query/explain"),
            new { query = $"FOR d IN `{c}` FILTER d._key == @k RETURN d", bindVars = new { k = "1" } })).ShouldBe(200);

        // Each attribute once: a duplicated name would be ambiguous for every JSON reader.
        var names = explained.Object.Select(p => p.Key).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        var plan = explained.Object.Obj("plan");
        var types = plan.Arr("nodes").Select(n => n.Str("type")).ToList();
        Assert.Equal("SingletonNode", types[0]);
        Assert.Contains("IndexNode", types);
        Assert.Equal("ReturnNode", types[^1]);
        Assert.Equal(c, Assert.Single(plan.Arr("collections")).Str("name"));
        Assert.NotNull(explained.Json.Bool("cacheable"));
        Assert.Empty(explained.Object.Arr("warnings"));
        Assert.NotNull(explained.Object.Obj("stats").Long("plansCreated"));
        // Explaining runs nothing: no memory figure is made up.
        Assert.False(explained.Object.Obj("stats").Has("peakMemoryUsage"));

        (await Api.PostAsync(Paths.Fabric(fabric, "query/explain"), new { query = "RETURN @x" })).ShouldFail(400, 1551);
    }
}
