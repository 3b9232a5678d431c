namespace PSC8.Bench.Workers;

/// <summary>
/// <c>FOR d IN c RETURN d</c> read to the end through PSC8.Client's cursor, page by page (batchSize 1000, a
/// streaming cursor so the server does not hold the whole result either), touching each row's balance. Scans of
/// the first --warmup rows go first, unmeasured, repeated until --warmup-seconds have passed.
/// </summary>
public static class ScanWorker
{
    public static async Task RunAsync(WorkerContext context)
    {
        var expected = context.Args.Long("expect", -1);
        var batch = context.Args.Int("batch", 1000);
        var warmup = context.Args.Long("warmup", batch * 2L);
        var warmupTime = TimeSpan.FromSeconds(context.Args.Double("warmup-seconds", 0));
        context.Args.RejectUnknown();
        using var connection = await context.ConnectAsync();
        var clock = Stopwatch.StartNew();
        do
        {
            await ScanAsync($"FOR d IN {context.Collection} LIMIT {warmup} RETURN d");
        }
        while (clock.Elapsed < warmupTime);

        await WorkerContext.WaitForGoAsync();
        var meter = WorkMeter.Start();
        var (rows, checksum) = await ScanAsync($"FOR d IN {context.Collection} RETURN d");
        var (wall, cpu) = meter.Stop();
        if (expected >= 0 && rows != expected)
        {
            throw new InvalidOperationException($"The scan returned {rows} rows, not {expected}.");
        }
        WorkerContext.Report(new JsonObject { ["rows"] = rows, ["seconds"] = wall, ["cpuSeconds"] = cpu, ["checksum"] = checksum });

        async Task<(long Rows, double Checksum)> ScanAsync(string text)
        {
            var query = new C8Query(text) { BatchSize = batch, Stream = true };
            var sum = 0.0;
            var count = await connection.Queries.ForEachAsync(context.Fabric, query, row =>
            {
                sum += row.GetProperty("balance").GetDouble();
                return true;
            });
            return (count, sum);
        }
    }
}
