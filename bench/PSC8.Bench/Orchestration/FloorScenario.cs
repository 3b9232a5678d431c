namespace PSC8.Bench.Orchestration;

/// <summary>Part 4: the floor, run while no server is up, in a fresh database each run.</summary>
public static class FloorScenario
{
    public static async Task RunAsync(BenchSettings settings, string mode, string durableRoot, BenchResults results)
    {
        for (var run = 1; run <= settings.Runs; run++)
        {
            // In-memory C8 Local keeps its databases on /dev/shm; the floor does the same.
            var root = mode == "memory" && Directory.Exists("/dev/shm") ? "/dev/shm" : durableRoot;
            var folder = Path.Combine(root, $"psc8-bench-floor-{Guid.NewGuid():N}");
            var options = new Dictionary<string, string>
            {
                ["docs"] = settings.BulkDocs.ToString(CultureInfo.InvariantCulture),
                ["batch"] = settings.Batch.ToString(CultureInfo.InvariantCulture),
                ["dir"] = folder,
                ["mode"] = mode,
            };
            try
            {
                var result = await WorkerProcess.DotNet("floor", options).RunAsync(settings.WorkerTimeout);
                var docs = (double)result["docs"]!;
                var sample = new FloorSample(mode, docs / (double)result["insertSeconds"]!, docs / (double)result["scanSeconds"]!, (double)result["storedBytesPerDoc"]!);
                results.Floors.Add(sample);
                Progress.Line($"floor {mode} run {run}: {sample.InsertsPerSecond:N0} inserts/s, {sample.RowsPerSecond:N0} rows/s");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
