namespace PSC8.Bench.Orchestration;

/// <summary>
/// What a run measures and how much. The defaults take roughly 15–25 minutes on two cores; --quick about two.
/// Every load loop is bounded by these counts and by the per-worker timeout.
/// </summary>
public sealed record BenchSettings
{
    public static readonly IReadOnlyList<string> AllScenarios = ["bulk", "point", "scan", "floor", "spot"];

    public required string C8LocalDll { get; init; }

    public required string JsFolder { get; init; }

    public required string HostMapScript { get; init; }

    public required string CertificatePath { get; init; }

    public required string KeyPath { get; init; }

    public required string RerunCommand { get; init; }

    public int Runs { get; init; }

    public long BulkDocs { get; init; }

    public int Batch { get; init; }

    /// <summary>Documents each bulk client inserts before the measured part (JIT warm-up, for both clients alike).</summary>
    public long Warmup { get; init; }

    /// <summary>Seconds every client spends warming up at least, as JIT tiering goes on for seconds after start-up.</summary>
    public double WarmupSeconds { get; init; }

    /// <summary>Requests each client keeps in flight in the head-to-head bulk comparison.</summary>
    public int Inflight { get; init; }

    /// <summary>Requests in flight for the extra PSC8.Client run that measures what C8 Local can ingest; 0 for none.</summary>
    public int IngestInflight { get; init; }

    /// <summary>
    /// Regions of the server for parts 1–3: 1 (the default) keeps replication off the two cores; 3, c8local's own
    /// default, shows a load whose every document is also logged and applied in two more regions.
    /// </summary>
    public int ServerRegions { get; init; }

    public IReadOnlyList<long> ScanSizes { get; init; } = [];

    public int PointOps { get; init; }

    public IReadOnlyList<int> PointClients { get; init; } = [];

    public double PointSeconds { get; init; }

    public int SpotOps { get; init; }

    public string GeoReplicationDelay { get; init; } = "";

    public string GeoLinkLatency { get; init; } = "";

    public IReadOnlyList<string> Modes { get; init; } = [];

    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public TimeSpan WorkerTimeout { get; init; }

    public bool Includes(string scenario) => Scenarios.Contains(scenario);

    public static BenchSettings Parse(Arguments args)
    {
        var quick = args.Flag("quick");
        var settings = new BenchSettings
        {
            C8LocalDll = args.Required("c8local"),
            JsFolder = args.Required("js"),
            HostMapScript = args.Required("hostmap"),
            CertificatePath = args.Required("tls-cert"),
            KeyPath = args.Required("tls-key"),
            RerunCommand = args.Text("rerun") ?? "bench/run.sh",
            Runs = args.Int("runs", quick ? 1 : 3),
            BulkDocs = args.Long("docs", quick ? 100_000 : 1_000_000),
            Batch = args.Int("batch", 1000),
            Warmup = args.Long("warmup", 100_000),
            WarmupSeconds = args.Double("warmup-seconds", quick ? 5 : 10),
            Inflight = args.Int("inflight", 1),
            IngestInflight = args.Int("ingest-inflight", 2),
            ServerRegions = args.Int("regions", 1),
            ScanSizes = args.List("scan-sizes", quick ? ["20000", "100000"] : ["100000", "1000000"])
                .Select(s => Arguments.Count(s, "--scan-sizes")).ToArray(),
            PointOps = args.Int("point-ops", quick ? 300 : 2000),
            PointClients = args.List("point-clients", ["1", "8"]).Select(int.Parse).ToArray(),
            PointSeconds = args.Double("point-seconds", 20),
            SpotOps = args.Int("spot-ops", quick ? 10 : 40),
            GeoReplicationDelay = args.Text("geo-delay") ?? "150ms",
            GeoLinkLatency = args.Text("geo-latency") ?? "40ms",
            Modes = args.List("modes", ["memory", "durable"]),
            Scenarios = args.List("only", AllScenarios),
            WorkerTimeout = TimeSpan.FromMinutes(args.Double("worker-timeout-minutes", 15)),
        };
        args.RejectUnknown();
        if (settings.Modes.Except(["memory", "durable"]).Any() || settings.Scenarios.Except(AllScenarios).Any())
        {
            throw new ArgumentException("--modes takes memory,durable and --only takes " + string.Join(',', AllScenarios) + ".");
        }
        if (settings.Runs < 1 || settings.Batch < 1 || settings.BulkDocs < 1 || settings.Inflight < 1 || settings.ScanSizes.Count == 0)
        {
            throw new ArgumentException("--runs, --batch, --docs, --inflight and --scan-sizes must be at least 1.");
        }
        if (settings.ServerRegions < 1 || settings.ServerRegions > BenchRun.Regions.Count)
        {
            throw new ArgumentException($"--regions takes 1 to {BenchRun.Regions.Count}.");
        }
        return settings;
    }
}
