namespace PSC8.Bench.Orchestration;

/// <summary>
/// The <c>run</c> command: for each storage mode a one-region C8 Local (--regions) for bulk, point and scan, then
/// the floor with no server up; then a three-region in-memory C8 Local for spot vs ordinary. Prints the table on stdout.
/// </summary>
public static class BenchRun
{
    /// <summary>The regions of the three-region server (the first --regions of them serve parts 1–3); the certificate names them.</summary>
    public static readonly IReadOnlyList<string> Regions = ["us-west", "eu-central", "ap-south"];

    public static async Task<int> RunAsync(Arguments args)
    {
        var settings = BenchSettings.Parse(args);
        var results = new BenchResults();
        results.DocumentBytes = await CheckSameDocumentsAsync(settings);
        var scratch = Directory.CreateTempSubdirectory("psc8-bench-");
        var started = Stopwatch.StartNew();
        try
        {
            foreach (var mode in settings.Modes)
            {
                results.LoadAverages.Add(ProcessUsage.LoadAverage());
                if (settings.Includes("bulk") || settings.Includes("point") || settings.Includes("scan"))
                {
                    var data = mode == "durable" ? Path.Combine(scratch.FullName, "c8local") : null;
                    await using var server = await BenchServer.StartAsync(settings, Regions.Take(settings.ServerRegions).ToArray(), data);
                    await WarmUpAsync(server, settings);
                    if (settings.Includes("bulk"))
                    {
                        await BulkScenario.RunAsync(server, settings, results);
                    }
                    if (settings.Includes("point"))
                    {
                        await PointScenario.RunAsync(server, settings, results);
                    }
                    if (settings.Includes("scan"))
                    {
                        await ScanScenario.RunAsync(server, settings, results);
                    }
                }
                if (settings.Includes("floor"))
                {
                    await FloorScenario.RunAsync(settings, mode, scratch.FullName, results);
                }
            }
            if (settings.Includes("spot"))
            {
                results.LoadAverages.Add(ProcessUsage.LoadAverage());
                await using var server = await BenchServer.StartAsync(settings, Regions, dataFolder: null);
                await SpotScenario.RunAsync(server, settings, results);
            }
            results.LoadAverages.Add(ProcessUsage.LoadAverage());
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
        Progress.Line($"done in {started.Elapsed.TotalMinutes:0.0} min");
        Console.WriteLine(new ResultTable(settings, results).Render());
        return 0;
    }

    /// <summary>
    /// Runs the server's insert and scan paths once, unmeasured, so that whichever client goes first does not pay
    /// for the server's JIT compilation.
    /// </summary>
    private static async Task WarmUpAsync(BenchServer server, BenchSettings settings)
    {
        const string fabric = "_system";
        const string collection = "warmup";
        var region = server.RegionNames[0];
        await server.CreateCollectionAsync(fabric, collection);
        var count = Math.Max(settings.Warmup, settings.Batch);
        await WorkerProcess.DotNet("insert", new Dictionary<string, string>(server.DotNetWorker(region, fabric, collection))
        {
            ["docs"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["batch"] = settings.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).RunAsync(settings.WorkerTimeout);
        await WorkerProcess.DotNet("scan", server.DotNetWorker(region, fabric, collection)).RunAsync(settings.WorkerTimeout);
        await server.DropCollectionAsync(fabric, collection);
        Progress.Line($"{server.Mode}: c8local started and warmed up");
    }

    /// <summary>Both clients must send the same bytes; returns the average document size.</summary>
    private static async Task<double> CheckSameDocumentsAsync(BenchSettings settings)
    {
        const int sample = 200;
        var start = new ProcessStartInfo("node", ["accounts.cjs", sample.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = settings.JsFolder,
            RedirectStandardOutput = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var fromNode = (await node.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await node.WaitForExitAsync();
        var fromDotNet = Enumerable.Range(0, sample).Select(i => Accounts.ToJson(Accounts.Make(i))).ToArray();
        var first = Enumerable.Range(0, sample).FirstOrDefault(i => i >= fromNode.Length || fromNode[i] != fromDotNet[i], -1);
        if (first >= 0)
        {
            throw new InvalidOperationException($"Document {first} differs between the clients:\n  node: {fromNode.ElementAtOrDefault(first)}\n  .NET: {fromDotNet[first]}");
        }
        return fromDotNet.Average(d => System.Text.Encoding.UTF8.GetByteCount(d));
    }
}
