using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PSC8.Client.Models;
using PSC8.Client.Tests.Infrastructure;

namespace PSC8.Client.Tests;

/// <summary>Retry behaviour against a scripted server answering 429/503 a set number of times.</summary>
public sealed class RetryTests
{
    private const string FabricList = "{\"error\":false,\"code\":200,\"result\":[\"_system\"]}";

    private static C8ConnectionOptions Options(Uri url, ConcurrentQueue<string> log, int maxRetries = 4) =>
        new(url.ToString(), C8Credential.FromApiKey("scripted.k1.SecretValue123456"))
        {
            Probe = false,
            Log = log.Enqueue,
            Retry = new C8RetryPolicy { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(5) },
        };

    [Fact]
    public async Task Get_is_retried_after_429_honouring_Retry_After_seconds()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => n <= 2
            ? ScriptedServer.WriteJson(context, 429, "{\"error\":true,\"code\":429,\"errorNum\":429,\"errorMessage\":\"too many requests\"}", ("Retry-After", "1"))
            : ScriptedServer.WriteJson(context, 200, FabricList));
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));

        var watch = Stopwatch.StartNew();
        var names = await connection.Fabrics.ListNamesAsync();

        Assert.Equal(new[] { "_system" }, names);
        Assert.Equal(3, server.Count("GET", "/_fabric/_system/_api/database"));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"waited only {watch.Elapsed}");
        var waits = log.Where(l => l.StartsWith("Waiting ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, waits.Length);
        Assert.All(waits, w => Assert.StartsWith("Waiting 1.0 s before retry", w));
        Assert.Contains("HTTP 429", waits[0]);
    }

    [Fact]
    public async Task Get_is_retried_after_503_honouring_Retry_After_as_an_HTTP_date()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => n == 1
            ? ScriptedServer.WriteJson(context, 503, "{\"error\":true,\"code\":503,\"errorNum\":503,\"errorMessage\":\"unavailable\"}", ("Retry-After", DateTimeOffset.UtcNow.AddSeconds(3).ToString("r")))
            : ScriptedServer.WriteJson(context, 200, FabricList));
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));

        var watch = Stopwatch.StartNew();
        await connection.Fabrics.ListNamesAsync();

        Assert.Equal(2, server.Count("GET", "/_fabric/_system/_api/database"));
        // The date has one-second precision: the wait is between 1 and 3 seconds, far above the 20 ms backoff.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"waited only {watch.Elapsed}");
        var wait = Assert.Single(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
        Assert.Contains("HTTP 503", wait);
    }

    [Fact]
    public async Task Without_Retry_After_the_backoff_grows_exponentially()
    {
        var policy = new C8RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), UseJitter = false };
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.GetDelay(1, null, DateTimeOffset.UtcNow));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.GetDelay(2, null, DateTimeOffset.UtcNow));
        Assert.Equal(TimeSpan.FromMilliseconds(400), policy.GetDelay(3, null, DateTimeOffset.UtcNow));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.GetDelay(6, null, DateTimeOffset.UtcNow));
        // A server asking for an hour is capped.
        Assert.Equal(TimeSpan.FromSeconds(1), policy.GetDelay(1, new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1)), DateTimeOffset.UtcNow));
        // A date in the past means no wait.
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(TimeSpan.Zero, policy.GetDelay(1, new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(-5)), now));
    }

    [Fact]
    public async Task Gives_up_after_max_retries_with_the_last_status()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) =>
            ScriptedServer.WriteJson(context, 503, "{\"error\":true,\"code\":503,\"errorNum\":503,\"errorMessage\":\"unavailable\"}"));
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log, maxRetries: 2));

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => connection.Fabrics.ListNamesAsync());

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("ResourceUnavailable", ex.Category);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/_fabric/_system/_api/database", ex.Path);
        Assert.Equal(3, server.Count("GET", "/_fabric/_system/_api/database"));
        Assert.Equal(2, log.Count(l => l.StartsWith("Waiting ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Post_insert_is_never_retried_on_429()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) =>
            ScriptedServer.WriteJson(context, 429, "{\"error\":true,\"code\":429,\"errorNum\":429,\"errorMessage\":\"too many requests\"}", ("Retry-After", "0")));
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));
        using var doc = JsonDocument.Parse("[{\"a\":1},{\"a\":2}]");

        var ex = await Assert.ThrowsAsync<C8ApiException>(() =>
            connection.Documents.InsertManyAsync("f", "c", doc.RootElement.EnumerateArray().ToArray()));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("C8.RateLimited", ex.ErrorId);
        Assert.Equal(1, server.Count("POST", "/_fabric/f/_api/document/c"));
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
        Assert.Equal("[{\"a\":1},{\"a\":2}]", server.Requests.Single().Body);
    }

    [Fact]
    public async Task Put_replace_is_retried_and_resends_the_whole_body()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => n == 1
            ? ScriptedServer.WriteJson(context, 503, "{\"error\":true,\"code\":503,\"errorNum\":503,\"errorMessage\":\"unavailable\"}", ("Retry-After", "0"))
            : ScriptedServer.WriteJson(context, 202, "[{\"_id\":\"c/1\",\"_key\":\"1\",\"_rev\":\"r2\",\"_oldRev\":\"r1\"}]"));
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));
        using var doc = JsonDocument.Parse("[{\"_key\":\"1\",\"a\":1}]");

        var result = await connection.Documents.ReplaceManyAsync("f", "c", doc.RootElement.EnumerateArray().ToArray());

        Assert.Equal("r2", Assert.Single(result).Rev);
        var bodies = server.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.All(bodies, b => Assert.Equal("[{\"_key\":\"1\",\"a\":1}]", b));
    }

    [Fact]
    public async Task Get_is_retried_after_connection_failures()
    {
        using var server = new RawTcpServer(dropCount: 2, responseBody: FabricList);
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));

        var names = await connection.Fabrics.ListNamesAsync();

        Assert.Equal(new[] { "_system" }, names);
        Assert.Equal(3, server.Connections);
        var waits = log.Where(l => l.StartsWith("Waiting ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, waits.Length);
        Assert.All(waits, w => Assert.Contains("connection failed", w));
    }

    [Fact]
    public async Task Get_is_retried_when_the_server_comes_up_after_a_refused_connection()
    {
        using var late = new LateServer(FabricList);
        using var connection = await C8Connection.ConnectAsync(late.Options);

        var names = await connection.Fabrics.ListNamesAsync();

        Assert.Equal(new[] { "_system" }, names);
        Assert.Single(late.Log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_insert_delete_or_conditional_replace_whose_answer_was_lost_is_not_sent_again()
    {
        using var server = new RawTcpServer(dropCount: 5, responseBody: "{}");
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));
        using var doc = JsonDocument.Parse("{\"a\":1}");

        var insert = await Assert.ThrowsAsync<C8ApiException>(() => connection.Documents.InsertAsync("f", "c", doc.RootElement));
        var delete = await Assert.ThrowsAsync<C8ApiException>(() => connection.Documents.DeleteAsync("f", "c", "k"));
        var replace = await Assert.ThrowsAsync<C8ApiException>(() =>
            connection.Documents.ReplaceAsync("f", "c", "k", doc.RootElement, new C8ReplaceOptions { IfMatch = "_r1" }));
        var checkedBatch = await Assert.ThrowsAsync<C8ApiException>(() =>
            connection.Documents.ReplaceManyAsync("f", "c", [doc.RootElement], new C8ReplaceOptions { IgnoreRevs = false }));

        // An insert would be done twice; a delete or replace repeated would report 404 or 412 for work that was done.
        Assert.All(new[] { insert, delete, replace, checkedBatch }, ex =>
        {
            Assert.Equal(0, ex.StatusCode);
            Assert.Equal("C8.ConnectionFailed", ex.ErrorId);
            Assert.Equal("ConnectionError", ex.Category);
            Assert.Contains("may have run on the server", ex.Message);
        });
        Assert.Equal(4, server.Connections);
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unconditional_replace_whose_answer_was_lost_is_sent_again()
    {
        using var server = new RawTcpServer(dropCount: 2, responseBody: "{\"_id\":\"c/k\",\"_key\":\"k\",\"_rev\":\"_r2\"}");
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(Options(server.Url, log));
        using var doc = JsonDocument.Parse("{\"a\":1}");

        var result = await connection.Documents.ReplaceAsync("f", "c", "k", doc.RootElement);

        Assert.Equal("_r2", result.Rev);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task A_delete_is_sent_again_when_the_connection_was_refused()
    {
        using var late = new LateServer("{\"_id\":\"c/k\",\"_key\":\"k\",\"_rev\":\"_r1\"}");
        using var connection = await C8Connection.ConnectAsync(late.Options);

        // A refused connection carried nothing to the server, so even a delete is safe to send again.
        var result = await connection.Documents.DeleteAsync("f", "c", "k");

        Assert.Equal("k", result.Key);
        Assert.Single(late.Log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connection_failure_of_an_unreachable_port_is_one_exception_type()
    {
        var port = RawTcpServer.FreePort();
        var log = new ConcurrentQueue<string>();
        var options = Options(new Uri($"http://127.0.0.1:{port}/"), log, maxRetries: 1);
        using var connection = await C8Connection.ConnectAsync(options);

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => connection.Collections.ListAsync("f"));

        Assert.Equal(0, ex.StatusCode);
        Assert.Equal("ConnectionError", ex.Category);
        Assert.Equal("/_fabric/f/_api/collection", ex.Path);
        Assert.DoesNotContain("SecretValue123456", ex.ToString());
    }

    /// <summary>A port nothing listens on until the client reports its first wait before a retry; then a server answers there.</summary>
    private sealed class LateServer : IDisposable
    {
        private RawTcpServer? _server;

        public LateServer(string responseBody)
        {
            var port = RawTcpServer.FreePort();
            Options = RetryTests.Options(new Uri($"http://127.0.0.1:{port}/"), Log);
            Options.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            Options.Log = line =>
            {
                Log.Enqueue(line);
                if (line.StartsWith("Waiting ", StringComparison.Ordinal) && _server is null)
                {
                    _server = new RawTcpServer(0, responseBody, port);
                }
            };
        }

        public ConcurrentQueue<string> Log { get; } = new();

        public C8ConnectionOptions Options { get; }

        public void Dispose() => _server?.Dispose();
    }
}
