namespace PSC8.Bench.Soak;

/// <summary>
/// One stream of requests, one at a time: each is timed from before it is sent until its whole answer has been
/// read, and logged with its outcome (status/errorNum, or what failed on the client's side).
/// </summary>
public sealed class RequestLoop(HttpClient client, Func<int, HttpRequestMessage> nextRequest, RequestLog log)
{
    private const int ErrorBodyLimit = 64 * 1024;

    /// <summary>Pause after a request, by its outcome (a hostile caller backs off after a 429, an honest one paces itself).</summary>
    public Func<string, TimeSpan> PauseAfter { get; init; } = _ => TimeSpan.Zero;

    /// <summary>
    /// Runs until <paramref name="stop"/> is cancelled. With <paramref name="cutInFlight"/> the request in flight is
    /// abandoned then and counted apart (the harness ended it, not the server); otherwise it is awaited and logged.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, bool cutInFlight)
    {
        var sending = cutInFlight ? stop : CancellationToken.None;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var request = nextRequest(i);
            var started = Stopwatch.GetTimestamp();
            string outcome;
            bool failed;
            try
            {
                using var response = await client.SendAsync(request, sending).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(sending).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                outcome = Outcome(status, body);
                failed = status >= 400;
            }
            catch (OperationCanceledException) when (sending.IsCancellationRequested)
            {
                log.Abandon();
                return;
            }
            catch (TaskCanceledException)
            {
                (outcome, failed) = ("client timeout", true);
            }
            catch (HttpRequestException e)
            {
                (outcome, failed) = (e.HttpRequestError.ToString(), true);
            }
            log.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome, failed);
            var pause = PauseAfter(outcome);
            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>"201", or "429/32" when the answer is GDN's error envelope.</summary>
    private static string Outcome(int status, byte[] body)
    {
        var text = status.ToString(CultureInfo.InvariantCulture);
        if (status < 400 || body.Length is 0 or > ErrorBodyLimit)
        {
            return text;
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errorNum", out var number)
                ? text + "/" + number.GetRawText()
                : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
