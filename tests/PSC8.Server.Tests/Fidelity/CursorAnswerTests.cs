namespace PSC8.Server.Tests.Fidelity;

/// <summary>Cursor answers as GDN gives them (issue 18, item 1), from pyC8's recorded cassettes under tests/cassettes/test_cursor.</summary>
public sealed class CursorAnswerTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    [Fact]
    public async Task Every_batch_repeats_count_when_the_query_asked_for_it()
    {
        // test_cursor_from_execute_query: count 6 with batchSize 2 on the 201 and on both PUT answers.
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN 1..6 RETURN i", new { count = true, batchSize = 2 });

        Assert.Equal(3, run.Batches.Count);
        Assert.All(run.Batches, b => Assert.Equal(6, b.Json.Long("count")));
        Shape.HasExactly(run.Batches[1].Object, "result", "hasMore", "id", "count", "extra", "cached", "error", "code");
        Shape.HasExactly(run.Last.Object, "result", "hasMore", "count", "extra", "cached", "error", "code");
    }

    [Fact]
    public async Task Without_count_no_batch_carries_it()
    {
        // test_cursor_no_count: neither the 201 nor the PUT answers have count.
        var fabric = await Fx.CreateFabricAsync();
        var run = await Api.QueryAsync(fabric, "FOR i IN 1..6 RETURN i", new { batchSize = 2 });

        Assert.All(run.Batches, b => Assert.False(b.Json.Has("count")));
    }

    [Fact]
    public async Task A_write_query_repeats_its_count_too()
    {
        // test_cursor_write_query: an UPDATE … RETURN NEW with batchSize 1 answers count 2 on the 201 and on the PUT.
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"FOR i IN 1..2 INSERT {{ _key: TO_STRING(i) }} INTO `{collection}`");

        var run = await Api.QueryAsync(fabric, $"FOR d IN `{collection}` UPDATE {{ _key: d._key, _val: 42 }} IN `{collection}` RETURN NEW",
            new { count = true, batchSize = 1 });

        Assert.Equal([2L, 2L], run.Batches.Select(b => b.Json.Long("count")!.Value));
    }

    [Fact]
    public async Task A_closed_or_unknown_cursor_is_404_1600_to_PUT_and_DELETE()
    {
        // test_cursor_premature_close: DELETE answers 202 {"id"}, every later DELETE 404/1600 "cursor not found".
        var fabric = await Fx.CreateFabricAsync();
        var id = (await Api.OpenCursorAsync(fabric, "FOR i IN 1..6 RETURN i", new { count = true, batchSize = 2 })).ShouldBe(201).Json.Str("id")!;

        var deleted = (await Api.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldBe(202);
        Shape.HasExactly(deleted.Object, "id", "error", "code");
        foreach (var again in new[] { await Api.DeleteAsync(CursorCalls.Cursor(fabric, id)), await Api.PutAsync(CursorCalls.Cursor(fabric, id)) })
        {
            again.ShouldFail(404, 1600);
            Assert.Equal("cursor not found", again.Json.Str("errorMessage"));
        }
        (await Api.DeleteAsync(CursorCalls.Cursor(fabric, "987654321"))).ShouldFail(404, 1600);
    }

    [Fact]
    public async Task Cursor_sql_is_a_route_of_its_own_not_a_cursor_id()
    {
        // test_execute_query: POST cursor/sql opens a query (201), it is never "invalid cursor ID".
        var fabric = await Fx.CreateFabricAsync();
        var answer = await Api.PostAsync(CursorCalls.Cursor(fabric, "sql"), new { query = "SELECT * FROM nowhere" });

        Assert.NotEqual("invalid cursor ID", answer.Json.Str("errorMessage"));
        Assert.NotEqual(1600, answer.Json.Long("errorNum"));
    }
}
