using Microsoft.AspNetCore.Http;

namespace PSC8.Client.Tests;

/// <summary>
/// The cursor wire protocol against a scripted server that serves 250 rows in pages of 100: which requests are
/// sent, in which order, and that an early stop sends no further PUT but one DELETE.
/// </summary>
public sealed class CursorProtocolTests
{
    private static string Page(int from, int count, bool hasMore, string id, string codeField) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["result"] = Enumerable.Range(from, count).ToArray(),
            ["hasMore"] = hasMore,
            ["id"] = hasMore ? id : null,
            ["count"] = 250,
            ["cached"] = false,
            ["error"] = false,
            ["code"] = codeField == "post" ? 201 : 200,
        });

    private static Task<ScriptedServer> StartCursorServer(int deleteStatus = 202) => ScriptedServer.StartAsync((context, seen, n) =>
    {
        switch (seen.Method, seen.Path)
        {
            case ("POST", "/_fabric/f/_api/cursor"):
            case ("POST", "/_fabric/f/_api/restql/execute/all"):
                return ScriptedServer.WriteJson(context, 201, Page(0, 100, true, "77", "post"));
            case ("PUT", "/_fabric/f/_api/cursor/77"):
            case ("PUT", "/_fabric/f/_api/restql/fetch/77"):
                return ScriptedServer.WriteJson(context, 200, n == 1 ? Page(100, 100, true, "77", "put") : Page(200, 50, false, "77", "put"));
            case ("DELETE", "/_fabric/f/_api/cursor/77"):
                return deleteStatus == 202
                    ? ScriptedServer.WriteJson(context, 202, "{\"id\":\"77\",\"error\":false,\"code\":202}")
                    : ScriptedServer.WriteJson(context, deleteStatus, "{\"error\":true,\"code\":" + deleteStatus + ",\"errorNum\":4,\"errorMessage\":\"internal\"}");
            case ("POST", "/_fabric/f/_api/restql/execute/writer"):
                return ScriptedServer.WriteJson(context, 201, "{\"result\":[]}");
            default:
                return ScriptedServer.WriteJson(context, 404, "{\"error\":true,\"code\":404,\"errorNum\":404,\"errorMessage\":\"unknown path\"}");
        }
    });

    private static Task<C8Connection> Connect(ScriptedServer server, ConcurrentQueue<string>? log = null) =>
        C8Connection.ConnectAsync(new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.secret")) { Probe = false, Log = log is null ? null : log.Enqueue });

    private static string[] Calls(ScriptedServer server) => server.Requests.Select(r => r.Method + " " + r.Path).ToArray();

    [Fact]
    public async Task Reads_all_pages_with_put_and_sends_the_query_options()
    {
        await using var server = await StartCursorServer();
        using var connection = await Connect(server);
        var query = new C8Query("FOR d IN @@c RETURN d") { BatchSize = 100, Count = true, Ttl = 60, FullCount = true, Stream = true };
        query.BindVars["@c"] = "numbers";

        var rows = await connection.Queries.ToListAsync("f", query);

        Assert.Equal(Enumerable.Range(0, 250), rows.Select(r => r.GetInt32()));
        Assert.Equal(new[] { "POST /_fabric/f/_api/cursor", "PUT /_fabric/f/_api/cursor/77", "PUT /_fabric/f/_api/cursor/77" }, Calls(server));
        var body = JsonDocument.Parse(server.Requests.First().Body).RootElement;
        Assert.Equal("FOR d IN @@c RETURN d", body.GetProperty("query").GetString());
        Assert.Equal("numbers", body.GetProperty("bindVars").GetProperty("@c").GetString());
        Assert.Equal(100, body.GetProperty("batchSize").GetInt32());
        Assert.True(body.GetProperty("count").GetBoolean());
        Assert.Equal(60, body.GetProperty("ttl").GetInt32());
        Assert.True(body.GetProperty("options").GetProperty("fullCount").GetBoolean());
        Assert.True(body.GetProperty("options").GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Early_stop_fetches_one_page_and_deletes_the_cursor()
    {
        await using var server = await StartCursorServer();
        using var connection = await Connect(server);
        var seen = 0;
        var delivered = await connection.Queries.ForEachAsync("f", new C8Query("FOR d IN numbers RETURN d"), row => ++seen < 5);

        Assert.Equal(5, delivered);
        Assert.Equal(new[] { "POST /_fabric/f/_api/cursor", "DELETE /_fabric/f/_api/cursor/77" }, Calls(server));
    }

    [Fact]
    public async Task Page_reader_reports_page_numbers_and_an_exhausted_cursor_sends_no_delete()
    {
        await using var server = await StartCursorServer();
        using var connection = await Connect(server);
        var pages = new List<C8CursorPage>();
        using (var cursor = await connection.Queries.OpenAsync("f", new C8Query("FOR d IN numbers RETURN d")))
        {
            Assert.Equal(250, cursor.Count);
            Assert.Equal("77", cursor.Id);
            while (await cursor.ReadPageAsync() is C8CursorPage page)
            {
                pages.Add(page);
            }

            Assert.Null(cursor.Id);
            Assert.False(cursor.HasMore);
        }

        Assert.Equal(new[] { 1, 2, 3 }, pages.Select(p => p.Number));
        Assert.Equal(new[] { 100, 100, 50 }, pages.Select(p => p.Items.Count));
        Assert.DoesNotContain(Calls(server), c => c.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_worker_pages_come_from_restql_fetch()
    {
        await using var server = await StartCursorServer();
        using var connection = await Connect(server);
        using var cursor = await connection.QueryWorkers.ExecuteAsync("f", "all", new Dictionary<string, object?> { ["city"] = "Gotham" }, batchSize: 100);
        var rows = await cursor.ToListAsync();

        Assert.Equal(250, rows.Count);
        Assert.Equal(new[] { "POST /_fabric/f/_api/restql/execute/all", "PUT /_fabric/f/_api/restql/fetch/77", "PUT /_fabric/f/_api/restql/fetch/77" }, Calls(server));
        var body = JsonDocument.Parse(server.Requests.First().Body).RootElement;
        Assert.Equal("Gotham", body.GetProperty("bindVars").GetProperty("city").GetString());
        Assert.Equal(100, body.GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public async Task A_write_worker_answer_without_envelope_is_an_empty_result()
    {
        await using var server = await StartCursorServer();
        using var connection = await Connect(server);
        using var cursor = await connection.QueryWorkers.ExecuteAsync("f", "writer");
        Assert.Empty(await cursor.ToListAsync());
        Assert.False(cursor.HasMore);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_failing_delete_does_not_hide_the_consumers_exception()
    {
        await using var server = await StartCursorServer(deleteStatus: 500);
        var log = new ConcurrentQueue<string>();
        using var connection = await Connect(server, log);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            connection.Queries.ForEachAsync("f", new C8Query("FOR d IN numbers RETURN d"), row => throw new InvalidOperationException("consumer failed")));

        Assert.Equal("consumer failed", ex.Message);
        Assert.Contains("DELETE /_fabric/f/_api/cursor/77", Calls(server));
        Assert.Contains(log, l => l.StartsWith("Could not delete cursor 77", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Advancing_a_cursor_is_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => seen.Method == "POST"
            ? ScriptedServer.WriteJson(context, 201, Page(0, 100, true, "77", "post"))
            : ScriptedServer.WriteJson(context, 503, "{\"error\":true,\"code\":503,\"errorNum\":503,\"errorMessage\":\"busy\"}", ("Retry-After", "0")));
        using var connection = await Connect(server);
        using var cursor = await connection.Queries.OpenAsync("f", new C8Query("FOR d IN numbers RETURN d"));
        await cursor.ReadPageAsync();

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => cursor.ReadPageAsync());
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(1, server.Count("PUT", "/_fabric/f/_api/cursor/77"));
    }
}
