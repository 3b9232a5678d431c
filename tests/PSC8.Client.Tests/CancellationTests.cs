using System.Diagnostics;

namespace PSC8.Client.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task A_request_cancelled_in_flight_throws_promptly()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SlowServerAsync(TimeSpan.FromSeconds(30), () => received.TrySetResult());
        var options = new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.secret"))
        {
            Probe = false,
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var connection = await C8Connection.ConnectAsync(options);
        using var cts = new CancellationTokenSource();

        var call = connection.Fabrics.ListNamesAsync(cts.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        watch.Stop();

        Assert.Single(server.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed} after cancelling");
    }

    [Fact]
    public async Task A_retry_wait_is_cancellable()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) =>
            ScriptedServer.WriteJson(context, 429, "{\"error\":true,\"code\":429,\"errorNum\":429,\"errorMessage\":\"slow down\"}", ("Retry-After", "20")));
        var log = new ConcurrentQueue<string>();
        using var cts = new CancellationTokenSource();
        var options = new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.secret"))
        {
            Probe = false,
            Log = line =>
            {
                log.Enqueue(line);
                // Cancel only once the 20 s wait has begun, so the test measures the wait, not the request.
                if (line.StartsWith("Waiting ", StringComparison.Ordinal))
                {
                    cts.CancelAfter(TimeSpan.FromMilliseconds(200));
                }
            },
            Retry = new C8RetryPolicy { MaxRetries = 3, MaxDelay = TimeSpan.FromSeconds(30) },
        };
        using var connection = await C8Connection.ConnectAsync(options);

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.Fabrics.ListNamesAsync(cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(log, l => l.StartsWith("Waiting 20.0 s", StringComparison.Ordinal));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_slow_server_hits_the_per_attempt_timeout_as_a_C8ApiException()
    {
        await using var server = await SlowServerAsync(TimeSpan.FromSeconds(10));
        var options = new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.secret"))
        {
            Probe = false,
            Timeout = TimeSpan.FromMilliseconds(300),
            Retry = C8RetryPolicy.None,
        };
        using var connection = await C8Connection.ConnectAsync(options);

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => connection.Fabrics.ListNamesAsync());

        Assert.Equal("C8.Timeout", ex.ErrorId);
        Assert.Equal("OperationTimeout", ex.Category);
    }

    /// <summary>A server that answers each request after <paramref name="delay"/>, or not at all once the client gives up.</summary>
    private static Task<ScriptedServer> SlowServerAsync(TimeSpan delay, Action? received = null) =>
        ScriptedServer.StartAsync(async (context, seen, n) =>
        {
            received?.Invoke();
            try
            {
                await Task.Delay(delay, context.RequestAborted);
                await ScriptedServer.WriteJson(context, 200, "{\"result\":[]}");
            }
            catch (OperationCanceledException)
            {
            }
        });
}
