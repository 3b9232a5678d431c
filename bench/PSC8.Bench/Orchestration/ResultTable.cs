namespace PSC8.Bench.Orchestration;

/// <summary>
/// The Markdown table of a run: medians over the runs (throughput with its min–max), every rate also as a
/// ratio to the floor, and the goals of the benchmark issue checked against the medians.
/// </summary>
public sealed class ResultTable(BenchSettings settings, BenchResults results)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Render()
    {
        var text = new StringBuilder();
        Header(text);
        if (results.Bulk.Count > 0)
        {
            Bulk(text);
        }
        if (results.Points.Count > 0)
        {
            Points(text);
        }
        if (results.Scans.Count > 0)
        {
            Scans(text);
        }
        if (results.Floors.Count > 0)
        {
            Floors(text);
        }
        if (results.Spots.Count > 0)
        {
            Spots(text);
        }
        Goals(text);
        return text.ToString();
    }

    private void Header(StringBuilder text)
    {
        text.AppendLine("## PSC8 benchmarks").AppendLine();
        var load = results.LoadAverages.Count == 0 ? "" : $", 1-minute load average {results.LoadAverages.Min():0.0}–{results.LoadAverages.Max():0.0} during the run";
        text.AppendLine(Invariant, $"Machine: {Environment.ProcessorCount} cores (nproc){load}; .NET {Environment.Version}; C8 Local and every client in separate processes, HTTPS on loopback.");
        var partsServer = settings.ServerRegions == 1
            ? "Parts 1–3 use a one-region C8 Local (no replication traffic on the same cores)"
            : $"Parts 1–3 use a {settings.ServerRegions}-region C8 Local, clients on its first region (every write also replicated to the others on the same cores)";
        text.AppendLine(Invariant, $"{partsServer}, part 5 a three-region one. Medians of {settings.Runs} run(s), min–max in brackets.");
        if (results.DocumentBytes > 0)
        {
            text.AppendLine(Invariant, $"Documents: the jsC8 sample's \"accounts\" shape, {results.DocumentBytes:0} bytes of JSON each, no _key (the server generates keys).");
        }
        text.AppendLine(Invariant, $"Rerun: `{settings.RerunCommand}` (full run: `bench/run.sh`; smoke run: `bench/run.sh --quick`; knobs: `bench/run.sh --help`).").AppendLine();
    }

    private void Bulk(StringBuilder text)
    {
        TableHead(text, string.Create(Invariant, $"### 1. Bulk insert — {settings.BulkDocs:N0} documents after a warm-up of at least {settings.Warmup:N0} and {settings.WarmupSeconds:0} s, {settings.Batch} per request, {Requests(settings.Inflight)} in flight"),
            "| Storage | Client | docs/s | × floor | client CPU s / 100k docs | same, whole process | server CPU s / 100k docs |", "|---|---|---:|---:|---:|---:|---:|");
        foreach (var group in results.Bulk.GroupBy(s => (s.Mode, s.Client)))
        {
            var rate = group.Select(s => s.DocsPerSecond).ToList();
            text.AppendLine(Invariant, $"| {Storage(group.Key.Mode)} | {group.Key.Client} | {Range(rate)} | {Ratio(Stats.Median(rate), FloorInserts(group.Key.Mode))} | {Median(group, s => s.ClientCpuPer100k)} | {Median(group, s => s.ProcessCpuPer100k)} | {Median(group, s => s.ServerCpuPer100k)} |");
        }
        foreach (var floor in results.Floors.GroupBy(f => f.Mode))
        {
            text.AppendLine(Invariant, $"| {Storage(floor.Key)} | floor: SQLite in-process | {Range(floor.Select(f => f.InsertsPerSecond).ToList())} | 1.00 | – | – | – |");
        }
        text.AppendLine().AppendLine("Client CPU is the client process's own (user + system) over the measured part; \"whole process\" divides all of it, start-up, JIT compilation and warm-up included, by every document it sent.").AppendLine();
    }

    private void Points(StringBuilder text)
    {
        TableHead(text, string.Create(Invariant, $"### 2. Point operations — PSC8.Client, single documents, up to {settings.PointOps:N0} per client and phase"),
            "| Storage | Clients | Operation | ops/s | p50 ms | p99 ms |", "|---|---:|---|---:|---:|---:|");
        foreach (var group in results.Points.GroupBy(s => (s.Mode, s.Clients, s.Operation)))
        {
            text.AppendLine(Invariant, $"| {Storage(group.Key.Mode)} | {group.Key.Clients} | {group.Key.Operation} | {Range(group.Select(s => s.OpsPerSecond).ToList())} | {Stats.Median(group.Select(s => s.P50Ms).ToList()):0.000} | {Stats.Median(group.Select(s => s.P99Ms).ToList()):0.000} |");
        }
        text.AppendLine();
    }

    private void Scans(StringBuilder text)
    {
        TableHead(text, string.Create(Invariant, $"### 3. Query streaming — `FOR d IN c RETURN d` to the end, batchSize {settings.Batch}, streaming cursor, after reading up to {settings.Warmup:N0} rows for at least {settings.WarmupSeconds:0} s unmeasured"),
            "| Storage | Client | Rows | rows/s | × floor | client peak RSS MB | client CPU s / 100k rows | server CPU s / 100k rows |", "|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.Scans.GroupBy(s => (s.Mode, s.Client, s.Rows)).OrderBy(g => ModeOrder(g.Key.Mode)).ThenBy(g => g.Key.Client).ThenBy(g => g.Key.Rows))
        {
            var rate = group.Select(s => s.RowsPerSecond).ToList();
            text.AppendLine(Invariant, $"| {Storage(group.Key.Mode)} | {group.Key.Client} | {group.Key.Rows:N0} | {Range(rate)} | {Ratio(Stats.Median(rate), FloorRows(group.Key.Mode))} | {Stats.Median(group.Select(s => s.PeakRssBytes / 1048576).ToList()):N0} | {Stats.Median(group.Select(s => s.ClientCpuPer100k).ToList()):0.00} | {Stats.Median(group.Select(s => s.ServerCpuPer100k).ToList()):0.00} |");
        }
        foreach (var floor in results.Floors.GroupBy(f => f.Mode))
        {
            text.AppendLine(Invariant, $"| {Storage(floor.Key)} | floor: SQLite in-process | {settings.BulkDocs:N0} | {Range(floor.Select(f => f.RowsPerSecond).ToList())} | 1.00 | – | – | – |");
        }
        text.AppendLine();
    }

    private void Floors(StringBuilder text)
    {
        TableHead(text, "### 4. Floor — C8 Local's storage driven in-process (same schema, pragmas and statements; no HTTP, JSON, keys or replication log)",
            "| Storage | inserts/s | scanned rows/s | stored bytes / doc |", "|---|---:|---:|---:|");
        foreach (var floor in results.Floors.GroupBy(f => f.Mode))
        {
            text.AppendLine(Invariant, $"| {Storage(floor.Key)} | {Range(floor.Select(f => f.InsertsPerSecond).ToList())} | {Range(floor.Select(f => f.RowsPerSecond).ToList())} | {floor.First().StoredBytesPerDoc:0} |");
        }
        text.AppendLine();
    }

    private void Spots(StringBuilder text)
    {
        TableHead(text, string.Create(Invariant, $"### 5. Spot vs ordinary collection — used from a region that is not the spot region, {settings.SpotOps} operations each"),
            "| Replication delay | Link latency | Collection | write p50 / p99 ms | read p50 / p99 ms | visible in a third region p50 / p99 ms |", "|---|---|---|---:|---:|---:|");
        foreach (var s in results.Spots)
        {
            text.AppendLine(Invariant, $"| {s.ReplicationDelay} | {s.LinkLatency} | {s.Kind} | {Pair(s.Write)} | {Pair(s.Read)} | {Pair(s.Visible)} |");
        }
        text.AppendLine().AppendLine("Visible = from the write's acknowledgement until a read in a third region first finds the document.").AppendLine();
    }

    private void Goals(StringBuilder text)
    {
        var lines = new List<string>();
        foreach (var mode in settings.Modes)
        {
            var psc8 = results.Bulk.Where(s => s.Mode == mode && s.Client == Clients.Psc8).ToList();
            var js = results.Bulk.Where(s => s.Mode == mode && s.Client == Clients.JsC8).ToList();
            if (psc8.Count > 0 && js.Count > 0)
            {
                var rate = Stats.Median(psc8.Select(s => s.DocsPerSecond).ToList()) / Stats.Median(js.Select(s => s.DocsPerSecond).ToList());
                lines.Add(Goal(rate >= 1, $"{Storage(mode)}: PSC8.Client end to end at least jsC8's — {rate:0.00}× jsC8"));
                var cpu = Stats.Median(psc8.Select(s => s.ClientCpuPer100k).ToList()) / Stats.Median(js.Select(s => s.ClientCpuPer100k).ToList());
                var whole = Stats.Median(psc8.Select(s => s.ProcessCpuPer100k).ToList()) / Stats.Median(js.Select(s => s.ProcessCpuPer100k).ToList());
                lines.Add(Goal(cpu <= 0.5, $"{Storage(mode)}: PSC8.Client CPU per document at most half of jsC8's — {cpu:0.00}× jsC8 (whole process, JIT and start-up included: {whole:0.00}×)"));
            }
            if (psc8.Count > 0)
            {
                var target = mode == "memory" ? 100_000 : 50_000;
                var best = results.Bulk.Where(s => s.Mode == mode).GroupBy(s => s.Client).Max(g => Stats.Median(g.Select(s => s.DocsPerSecond).ToList()));
                lines.Add(Goal(best >= target, $"{Storage(mode)}: C8 Local ingest ≥ {target:N0} docs/s — {best:N0} docs/s end to end"));
            }
            var reads = results.Points.Where(s => s.Mode == mode && s.Clients == 1 && s.Operation == "read").ToList();
            if (reads.Count > 0)
            {
                var p50 = Stats.Median(reads.Select(s => s.P50Ms).ToList());
                lines.Add(Goal(p50 < 0.5, $"{Storage(mode)}: read p50 under 0.5 ms from one client — {p50:0.000} ms"));
            }
            var scans = results.Scans.Where(s => s.Mode == mode && s.Client == Clients.Psc8).GroupBy(s => s.Rows).OrderBy(g => g.Key).ToList();
            if (scans.Count > 1)
            {
                var small = Stats.Median(scans[0].Select(s => s.PeakRssBytes).ToList());
                var large = Stats.Median(scans[^1].Select(s => s.PeakRssBytes).ToList());
                lines.Add(Goal(large <= small * 1.25, $"{Storage(mode)}: PSC8.Client scan memory flat — peak RSS {small / 1048576:N0} MB at {scans[0].Key:N0} rows, {large / 1048576:N0} MB at {scans[^1].Key:N0}"));
            }
        }
        if (lines.Count > 0)
        {
            text.AppendLine("### Goals").AppendLine();
            foreach (var line in lines)
            {
                text.AppendLine(line);
            }
        }
    }

    /// <summary>A section's heading, then the column names and alignments of its table.</summary>
    private static void TableHead(StringBuilder text, string heading, string columns, string alignments) =>
        text.AppendLine(heading).AppendLine().AppendLine(columns).AppendLine(alignments);

    private static string Median<T>(IEnumerable<T> samples, Func<T, double> metric) =>
        Stats.Median(samples.Select(metric).ToList()).ToString("0.00", Invariant);

    private int ModeOrder(string mode) => settings.Modes.ToList().IndexOf(mode);

    private static string Requests(int count) => count == 1 ? "one request" : $"{count} requests";

    private double FloorInserts(string mode) => Stats.Median(results.Floors.Where(f => f.Mode == mode).Select(f => f.InsertsPerSecond).ToList());

    private double FloorRows(string mode) => Stats.Median(results.Floors.Where(f => f.Mode == mode).Select(f => f.RowsPerSecond).ToList());

    private static string Goal(bool met, string text) => $"- {(met ? "met" : "MISSED")}: {text}";

    private static string Storage(string mode) => mode == "memory" ? "in-memory" : "durable";

    private static string Ratio(double value, double floor) => double.IsNaN(floor) || floor <= 0 ? "–" : (value / floor).ToString("0.00", Invariant);

    private static string Pair(Latency latency) => string.Create(Invariant, $"{latency.P50Ms:0.0} / {latency.P99Ms:0.0}");

    private static string Range(List<double> values) => values.Count == 1
        ? values[0].ToString("N0", Invariant)
        : string.Create(Invariant, $"{Stats.Median(values):N0} ({values.Min():N0}–{values.Max():N0})");
}
