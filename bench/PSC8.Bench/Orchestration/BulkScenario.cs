namespace PSC8.Bench.Orchestration;

/// <summary>
/// Part 1: the same documents inserted through PSC8.Client and through jsC8 against the same server, alternating
/// which client goes first, each into a fresh collection that is dropped afterwards.
/// </summary>
public static class BulkScenario
{
    public static async Task RunAsync(BenchServer server, BenchSettings settings, BenchResults results)
    {
        for (var run = 1; run <= settings.Runs; run++)
        {
            foreach (var client in Order.Alternating(run))
            {
                await InsertAsync(server, settings, results, run, client, settings.Inflight);
            }
            if (settings.IngestInflight > 0)
            {
                await InsertAsync(server, settings, results, run, Clients.Psc8, settings.IngestInflight);
            }
        }
    }

    private static async Task InsertAsync(BenchServer server, BenchSettings settings, BenchResults results, int run, string client, int inflight)
    {
        const string fabric = "_system";
        var region = server.RegionNames[0];
        var label = client == Clients.Psc8 && inflight != settings.Inflight ? Clients.Psc8Loader(inflight) : client;
        var collection = $"bulk_{(client == Clients.Psc8 ? "psc8" : "jsc8")}_{inflight}_{run}";
        await server.CreateCollectionAsync(fabric, collection);
        var docs = settings.BulkDocs.ToString(CultureInfo.InvariantCulture);
        var batch = settings.Batch.ToString(CultureInfo.InvariantCulture);
        var warmup = settings.Warmup.ToString(CultureInfo.InvariantCulture);
        var warmupSeconds = settings.WarmupSeconds.ToString(CultureInfo.InvariantCulture);
        var parallel = inflight.ToString(CultureInfo.InvariantCulture);
        var worker = client == Clients.Psc8
            ? WorkerProcess.DotNet("insert", new Dictionary<string, string>(server.DotNetWorker(region, fabric, collection))
            {
                ["docs"] = docs, ["batch"] = batch, ["warmup"] = warmup, ["warmup-seconds"] = warmupSeconds, ["inflight"] = parallel,
            })
            : WorkerProcess.Node(settings.JsFolder, "insert.cjs", ["--require", settings.HostMapScript], new Dictionary<string, string>(server.NodeWorker(region, fabric, collection))
            {
                ["C8_DOCS"] = docs, ["C8_BATCH"] = batch, ["C8_WARMUP"] = warmup, ["C8_WARMUP_SECONDS"] = warmupSeconds, ["C8_INFLIGHT"] = parallel,
            });
        var serverCpu = new CpuWindow(() => server.CpuTime);
        var result = await worker.RunAsync(settings.WorkerTimeout, serverCpu.Open, serverCpu.Close);
        var measured = (double)result["docs"]!;
        var total = measured + (double)result["warmupDocs"]!;
        var stored = await server.CountAsync(fabric, collection);
        if (stored != (long)total)
        {
            throw new InvalidOperationException($"{collection} holds {stored} documents, not {total}.");
        }
        var sample = new BulkSample(server.Mode, label, measured / (double)result["seconds"]!,
            Stats.Per100k((double)result["cpuSeconds"]!, measured), Stats.Per100k((double)result["processCpuSeconds"]!, total), Stats.Per100k(serverCpu.Seconds, measured));
        results.Bulk.Add(sample);
        Progress.Line($"bulk {server.Mode} run {run} {label}: {sample.DocsPerSecond:N0} docs/s, client CPU {sample.ClientCpuPer100k:0.00} s/100k (whole process {sample.ProcessCpuPer100k:0.00}), server CPU {sample.ServerCpuPer100k:0.00} s/100k");
        await server.DropCollectionAsync(fabric, collection);
    }
}
