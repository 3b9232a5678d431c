using System.Diagnostics;
using Microsoft.AspNetCore.Http;

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
    public async Task A_refused_connection_fails_at_once_and_says_the_request_was_not_sent()
    {
        var log = new ConcurrentQueue<string>();
        var options = Options(new Uri($"http://127.0.0.1:{RawTcpServer.FreePort()}/"), log);
        options.Retry.BaseDelay = TimeSpan.FromSeconds(2);
        using var connection = await C8Connection.ConnectAsync(options);

        var watch = Stopwatch.StartNew();
        var get = await Assert.ThrowsAsync<C8ApiException>(() => connection.Fabrics.ListNamesAsync());
        var delete = await Assert.ThrowsAsync<C8ApiException>(() => connection.Documents.DeleteAsync("f", "c", "k"));

        // Nothing listens there: waiting cannot make it better, so no backoff is spent on it.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
        Assert.All(new[] { get, delete }, ex =>
        {
            Assert.Equal(("C8.ConnectionFailed", "ConnectionError", 0), (ex.ErrorId, ex.Category, ex.StatusCode));
            Assert.Contains("the request was not sent", ex.Message);
            Assert.DoesNotContain("may have run", ex.Message);
        });
    }

    [Fact]
    public async Task An_unknown_host_fails_at_once()
    {
        var log = new ConcurrentQueue<string>();
        var options = Options(new Uri("http://no-such-host.invalid/"), log);
        options.Retry.BaseDelay = TimeSpan.FromSeconds(2);
        options.AddApiPrefix = false;
        using var connection = await C8Connection.ConnectAsync(options);

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => connection.Fabrics.ListNamesAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
        Assert.Equal("C8.ConnectionFailed", ex.ErrorId);
        Assert.Contains("the request was not sent", ex.Message);
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_at_once_and_SkipCertificateCheck_accepts_it()
    {
        using var certificate = new TestCertificate(new[] { "localhost" });
        await using var host = await PSC8.Server.Hosting.C8LocalHost.StartAsync(PSC8.Server.Hosting.C8LocalOptions.ForTests("solo") with
        {
            TlsCertificatePath = certificate.CertificatePath,
            TlsKeyPath = certificate.KeyPath,
        });
        var log = new ConcurrentQueue<string>();
        var options = new C8ConnectionOptions(host.GlobalUrl.ToString(), C8Credential.FromPassword(host.RootEmail, host.RootPassword))
        {
            Log = log.Enqueue,
            Retry = new C8RetryPolicy { BaseDelay = TimeSpan.FromSeconds(2) },
        };

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => C8Connection.ConnectAsync(options));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
        Assert.Equal(("C8.CertificateNotTrusted", "SecurityError"), (ex.ErrorId, ex.Category));
        Assert.Contains("certificate is not trusted", ex.Message);
        Assert.Contains("the request was not sent", ex.Message);
        Assert.Contains("SkipCertificateCheck", ex.Message);
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));

        options.SkipCertificateCheck = true;
        using var trusting = await C8Connection.ConnectAsync(options);
        Assert.Equal("solo", trusting.Region);
    }

    [Fact]
    public async Task A_fixed_interval_replaces_the_backoff()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => n <= 2
            ? ScriptedServer.WriteJson(context, 503, "{\"error\":true,\"code\":503,\"errorNum\":503,\"errorMessage\":\"unavailable\"}")
            : ScriptedServer.WriteJson(context, 200, FabricList));
        var log = new ConcurrentQueue<string>();
        var options = Options(server.Url, log);
        options.Retry.Interval = TimeSpan.FromMilliseconds(700);
        using var connection = await C8Connection.ConnectAsync(options);

        await connection.Fabrics.ListNamesAsync();

        var waits = log.Where(l => l.StartsWith("Waiting ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, waits.Length);
        Assert.All(waits, w => Assert.StartsWith("Waiting 0.7 s before retry", w));
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
}
