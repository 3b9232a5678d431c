namespace PSC8.Bench.Orchestration;

/// <summary>
/// Part 3: a collection of each size read to the end by both clients (alternating who goes first), to compare
/// throughput and to show whether a client's memory grows with the size of the result.
/// </summary>
public static class ScanScenario
{
    private const string Fabric = "_system";

    public static async Task RunAsync(BenchServer server, BenchSettings settings, BenchResults results)
    {
        var region = server.RegionNames[0];
        foreach (var size in settings.ScanSizes)
        {
            var collection = $"scan_{size}";
            await LoadAsync(server, settings, region, collection, size);
            for (var run = 1; run <= settings.Runs; run++)
            {
                foreach (var client in Order.Alternating(run))
                {
                    var expect = size.ToString(CultureInfo.InvariantCulture);
                    var batch = settings.Batch.ToString(CultureInfo.InvariantCulture);
                    // Both clients first read the same leading rows unmeasured (at most the whole collection).
                    var warmup = Math.Min(size, settings.Warmup).ToString(CultureInfo.InvariantCulture);
                    var seconds = settings.WarmupSeconds.ToString(CultureInfo.InvariantCulture);
                    var worker = client == Clients.Psc8
                        ? WorkerProcess.DotNet("scan", new Dictionary<string, string>(server.DotNetWorker(region, Fabric, collection))
                        {
                            ["expect"] = expect, ["batch"] = batch, ["warmup"] = warmup, ["warmup-seconds"] = seconds,
                        })
                        : WorkerProcess.Node(settings.JsFolder, "scan.cjs", ["--require", settings.HostMapScript], new Dictionary<string, string>(server.NodeWorker(region, Fabric, collection))
                        {
                            ["C8_EXPECT"] = expect, ["C8_BATCH"] = batch, ["C8_WARMUP"] = warmup, ["C8_WARMUP_SECONDS"] = seconds,
                        });
                    var serverCpu = new CpuWindow(() => server.CpuTime);
                    var result = await worker.RunAsync(settings.WorkerTimeout, serverCpu.Open, serverCpu.Close);
                    var rows = (long)result["rows"]!;
                    var sample = new ScanSample(server.Mode, client, rows, rows / (double)result["seconds"]!, (double)result["peakRssBytes"]!,
                        Stats.Per100k((double)result["cpuSeconds"]!, rows), Stats.Per100k(serverCpu.Seconds, rows));
                    results.Scans.Add(sample);
                    Progress.Line($"scan {server.Mode} {rows:N0} run {run} {client}: {sample.RowsPerSecond:N0} rows/s, peak RSS {sample.PeakRssBytes / 1048576:N0} MB");
                }
            }
            await server.DropCollectionAsync(Fabric, collection);
        }
    }

    /// <summary>Fills the collection through PSC8.Client (not measured): the worker's warm-up batch plus the rest.</summary>
    private static async Task LoadAsync(BenchServer server, BenchSettings settings, string region, string collection, long size)
    {
        if (size <= settings.Batch)
        {
            throw new ArgumentException($"--scan-sizes must be larger than --batch ({settings.Batch}).");
        }
        await server.CreateCollectionAsync(Fabric, collection);
        var loader = WorkerProcess.DotNet("insert", new Dictionary<string, string>(server.DotNetWorker(region, Fabric, collection))
        {
            ["docs"] = (size - settings.Batch).ToString(CultureInfo.InvariantCulture),
            ["batch"] = settings.Batch.ToString(CultureInfo.InvariantCulture),
        });
        await loader.RunAsync(settings.WorkerTimeout);
        Progress.Line($"scan {server.Mode}: loaded {await server.CountAsync(Fabric, collection):N0} documents into {collection}");
    }
}
