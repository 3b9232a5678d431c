namespace PSC8.Bench.Soak;

/// <summary>
/// The soak's tables (Markdown on stdout) and the same figures as JSON. Latency percentiles are nearest-rank over
/// every request of the phase, failed ones included; failures are also counted in a column of their own.
/// </summary>
public sealed class SoakReport(SoakResults results)
{
    /// <summary>A health check slower than this is called out.</summary>
    public static readonly TimeSpan SlowHealthCheck = TimeSpan.FromMilliseconds(100);

    private const string HealthKind = "health check";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private SoakSettings Settings => results.Settings;

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"## C8 Local soak — {Settings.Duration.TotalSeconds:0} s of hostile and honest load").AppendLine();
        text.AppendLine(Invariant, $"Run {results.Started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (nproc), 1-minute load average {results.LoadAverages.Min():0.0}–{results.LoadAverages.Max():0.0}; .NET {Environment.Version}.");
        text.AppendLine(Invariant, $"c8local: one region, {(Settings.InMemory ? "in memory" : "durable (--data)")}, its own process, HTTP on loopback; default limits except --cursor-ttl-ceiling {Settings.CursorTtlCeiling.TotalSeconds:0}s{ServerOptions()}.");
        text.AppendLine(Invariant, $"No warm-up: every request is counted from the first. Honest: one API key, each kind one request at a time with {Settings.HonestPause.TotalMilliseconds:0} ms between; the baseline is {Settings.Baseline.TotalSeconds:0} s of it alone before the hostile load starts.");
        if (Settings.Attacks.Count < HostileLoad.Attacks.Count)
        {
            text.AppendLine(Invariant, $"Only these attacks ran: {string.Join(", ", Settings.Attacks)}.");
        }
        text.AppendLine(Invariant, $"Rerun: `{Settings.RerunCommand}`.").AppendLine();

        text.AppendLine("### Honest caller").AppendLine();
        text.AppendLine("| phase | kind | requests | errors | p50 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (phase, summary) in HonestRows())
        {
            text.AppendLine(Invariant, $"| {phase} | {summary.Kind} | {summary.Count:N0} | {summary.Failures:N0} | {Ms(Stats.Percentile(summary.LatenciesMs, 50))} | {Ms(Stats.Percentile(summary.LatenciesMs, 99))} | {Ms(Max(summary))} |");
        }
        text.AppendLine();
        foreach (var (phase, summary) in HonestRows().Where(r => r.Summary.Kind == HealthKind))
        {
            var slow = summary.LatenciesMs.Count(l => l > SlowHealthCheck.TotalMilliseconds);
            text.AppendLine(Invariant, $"- {phase}: the health check took more than {SlowHealthCheck.TotalMilliseconds:0} ms {slow switch { 0 => "never", 1 => "once", _ => $"{slow:N0} times" }} in {summary.Count:N0} checks (max {Ms(Max(summary))} ms).");
        }
        text.AppendLine();

        text.AppendLine("### Hostile callers (during the soak)").AppendLine();
        text.AppendLine("| kind | sender × in flight | answered | answers seen (status/errorNum × count) | abandoned at stop |");
        text.AppendLine("|---|---|---:|---|---:|");
        foreach (var (stream, summary) in results.Hostile)
        {
            text.AppendLine(Invariant, $"| {stream.Kind} | {stream.Sender} × {stream.Concurrency} | {summary.Count:N0} | {Outcomes(summary)} | {summary.Abandoned:N0} |");
        }
        text.AppendLine().AppendLine("Abandoned: still in flight when the load stopped; the caller disconnected, and the server has to clean up after it.").AppendLine();

        text.AppendLine("### c8local process (/proc/PID/status VmRSS, /proc/PID/fd)").AppendLine();
        text.AppendLine(Invariant, $"| | start | peak | load stopped | {Settings.Settle.TotalSeconds:0} s later |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(Invariant, $"| RSS MB | {Mb(results.Start.RssBytes)} | {Mb(results.PeakRssBytes)} | {Mb(results.EndOfLoad.RssBytes)} | {Mb(results.End.RssBytes)} |");
        text.AppendLine(Invariant, $"| open file descriptors | {results.Start.OpenFiles} | {results.PeakOpenFiles} | {results.EndOfLoad.OpenFiles} | {results.End.OpenFiles} |");
        text.AppendLine();
        string[] moments = ["start", "load stopped", "end"];
        foreach (var (moment, kinds) in moments.Zip(results.DescriptorKinds))
        {
            text.AppendLine(Invariant, $"- descriptors at {moment}: {string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}");
        }
        text.AppendLine().AppendLine("Start is after setup (keys, collections, 1,000 seeded documents), before the baseline; the peak is sampled every 250 ms.");
        return text.ToString();
    }

    public JsonObject ToJson()
    {
        var honest = new JsonArray();
        foreach (var (phase, summary) in HonestRows())
        {
            var row = Row(summary);
            row["phase"] = phase;
            row["failures"] = summary.Failures;
            row["p50Ms"] = Stats.Percentile(summary.LatenciesMs, 50);
            row["p99Ms"] = Stats.Percentile(summary.LatenciesMs, 99);
            row["maxMs"] = Max(summary);
            honest.Add(row);
        }
        var hostile = new JsonArray();
        foreach (var (stream, summary) in results.Hostile)
        {
            var row = Row(summary);
            row["sender"] = stream.Sender;
            row["abandoned"] = summary.Abandoned;
            row["inFlight"] = stream.Concurrency;
            hostile.Add(row);
        }
        return new JsonObject
        {
            ["started"] = results.Started.ToString("O", Invariant),
            ["durationSeconds"] = Settings.Duration.TotalSeconds,
            ["honest"] = honest,
            ["hostile"] = hostile,
            ["server"] = new JsonObject
            {
                ["rssBytes"] = new JsonObject { ["start"] = results.Start.RssBytes, ["peak"] = results.PeakRssBytes, ["loadStopped"] = results.EndOfLoad.RssBytes, ["end"] = results.End.RssBytes },
                ["openFiles"] = new JsonObject { ["start"] = results.Start.OpenFiles, ["peak"] = results.PeakOpenFiles, ["loadStopped"] = results.EndOfLoad.OpenFiles, ["end"] = results.End.OpenFiles },
            },
        };
    }

    private IEnumerable<(string Phase, RequestSummary Summary)> HonestRows() =>
        results.Baseline.Select(s => ("baseline", s)).Concat(results.Honest.Select(s => ("soak", s)));

    private static JsonObject Row(RequestSummary summary)
    {
        var outcomes = new JsonObject();
        foreach (var (outcome, count) in summary.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            outcomes[outcome] = count;
        }
        return new JsonObject { ["kind"] = summary.Kind, ["requests"] = summary.Count, ["outcomes"] = outcomes };
    }

    private string ServerOptions() => Settings.ServerOptions.Count == 0 ? "" : ", " + string.Join(' ', Settings.ServerOptions);

    private static string Outcomes(RequestSummary summary) => summary.Count == 0 ? "–"
        : string.Join(", ", summary.Outcomes.OrderByDescending(o => o.Value).Select(o => string.Create(Invariant, $"{o.Key} × {o.Value:N0}")));

    private static double Max(RequestSummary summary) => summary.Count == 0 ? double.NaN : summary.LatenciesMs.Max();

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "N0", Invariant);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", Invariant);
}
