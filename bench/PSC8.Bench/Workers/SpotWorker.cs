namespace PSC8.Bench.Workers;

/// <summary>
/// Latency of one collection as seen from a region that is not the fabric's spot region (--url): inserts,
/// reads of what was inserted, and how long after an insert was acknowledged a read in a third region
/// (--other-url) first finds it. Run once per collection kind and fault setting.
/// </summary>
public static class SpotWorker
{
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(WorkerContext context)
    {
        var ops = context.Args.Int("ops", 40);
        var visible = context.Args.Int("visible", ops / 2);
        var otherUrl = context.Args.Required("other-url");
        context.Args.RejectUnknown();
        using var near = await context.ConnectAsync();
        using var far = await context.ConnectAsync(otherUrl);
        var keys = new List<string>();
        var warm = await near.Documents.InsertAsync(context.Fabric, context.Collection, Accounts.Make(0), Accounts.Writer);
        await near.Documents.GetAsync(context.Fabric, context.Collection, warm.Key!);
        await far.Documents.ExistsAsync(context.Fabric, context.Collection, warm.Key!);

        await WorkerContext.WaitForGoAsync();
        var writes = await TimeEachAsync(ops, async i =>
            keys.Add((await near.Documents.InsertAsync(context.Fabric, context.Collection, Accounts.Make(i), Accounts.Writer)).Key!));
        var reads = await TimeEachAsync(ops, i => near.Documents.GetAsync(context.Fabric, context.Collection, keys[i]));
        var visibility = new List<double>();
        for (var i = 0; i < visible; i++)
        {
            var key = (await near.Documents.InsertAsync(context.Fabric, context.Collection, Accounts.Make(i), Accounts.Writer)).Key!;
            var acknowledged = Stopwatch.StartNew();
            while (!await far.Documents.ExistsAsync(context.Fabric, context.Collection, key))
            {
                if (acknowledged.Elapsed > VisibilityTimeout)
                {
                    throw new TimeoutException($"Document {key} did not reach the other region within {VisibilityTimeout.TotalSeconds} s.");
                }
                await Task.Delay(1);
            }
            visibility.Add(acknowledged.Elapsed.TotalMilliseconds);
        }
        WorkerContext.Report(new JsonObject
        {
            ["write"] = Summary(writes),
            ["read"] = Summary(reads),
            ["visible"] = Summary(visibility),
        });
    }

    private static async Task<List<double>> TimeEachAsync(int count, Func<int, Task> operation)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }

    private static JsonObject Summary(List<double> latencies) => new()
    {
        ["p50Ms"] = Stats.Percentile(latencies, 50),
        ["p99Ms"] = Stats.Percentile(latencies, 99),
    };
}
