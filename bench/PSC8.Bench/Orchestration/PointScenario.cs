namespace PSC8.Bench.Orchestration;

/// <summary>Part 2: single-document insert, read and update round trips, and key-value put and get, through PSC8.Client, from 1 and from 8 clients.</summary>
public static class PointScenario
{
    private const string Fabric = "_system";
    private const string Collection = "point";
    private static readonly string[] Operations = ["insert", "read", "update", "kv-put", "kv-get"];

    public static async Task RunAsync(BenchServer server, BenchSettings settings, BenchResults results)
    {
        var region = server.RegionNames[0];
        await server.CreateCollectionAsync(Fabric, Collection);
        for (var run = 1; run <= settings.Runs; run++)
        {
            foreach (var clients in settings.PointClients)
            {
                var worker = WorkerProcess.DotNet("point", new Dictionary<string, string>(server.DotNetWorker(region, Fabric, Collection))
                {
                    ["clients"] = clients.ToString(CultureInfo.InvariantCulture),
                    ["ops"] = settings.PointOps.ToString(CultureInfo.InvariantCulture),
                    ["seconds"] = settings.PointSeconds.ToString(CultureInfo.InvariantCulture),
                    ["warmup-seconds"] = settings.WarmupSeconds.ToString(CultureInfo.InvariantCulture),
                });
                var result = await worker.RunAsync(settings.WorkerTimeout);
                foreach (var operation in Operations)
                {
                    var phase = result[operation]!;
                    var sample = new PointSample(server.Mode, clients, operation, (double)phase["opsPerSecond"]!, (double)phase["p50Ms"]!, (double)phase["p99Ms"]!);
                    results.Points.Add(sample);
                    Progress.Line($"point {server.Mode} run {run} {clients} client(s) {operation}: {sample.OpsPerSecond:N0}/s, p50 {sample.P50Ms:0.000} ms, p99 {sample.P99Ms:0.000} ms");
                }
            }
        }
        await server.DropCollectionAsync(Fabric, Collection);
    }
}
