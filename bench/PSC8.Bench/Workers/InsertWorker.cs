namespace PSC8.Bench.Workers;

/// <summary>
/// Bulk insert through PSC8.Client: <c>Documents.InsertManyAsync</c> with the typed writer, one request of
/// --batch documents per request and --inflight requests at a time (one connection, shared), every per-item result
/// checked. At least --warmup documents and --warmup-seconds go first, unmeasured, so the measured part sees
/// the JIT-compiled code a long-running loader runs (tiering goes on for seconds after start-up).
/// </summary>
public static class InsertWorker
{
    public static async Task RunAsync(WorkerContext context)
    {
        var docs = context.Args.Long("docs", 1_000_000);
        var batch = context.Args.Int("batch", 1000);
        var warmup = context.Args.Long("warmup", batch);
        var warmupTime = TimeSpan.FromSeconds(context.Args.Double("warmup-seconds", 0));
        var inflight = context.Args.Int("inflight", 1);
        context.Args.RejectUnknown();
        var pool = Accounts.Pool(batch);
        using var connection = await context.ConnectAsync();
        long warmed = 0;
        for (var clock = Stopwatch.StartNew(); warmed < warmup || clock.Elapsed < warmupTime; warmed += batch)
        {
            await InsertAsync(connection, context, pool);
        }

        await WorkerContext.WaitForGoAsync();
        var meter = WorkMeter.Start();
        long claimed = 0;
        await Task.WhenAll(Enumerable.Range(0, inflight).Select(async _ =>
        {
            // Each sender claims the next batch; the last one may be short.
            long first;
            while ((first = Interlocked.Add(ref claimed, batch) - batch) < docs)
            {
                var count = (int)Math.Min(batch, docs - first);
                await InsertAsync(connection, context, count == batch ? pool : new ArraySegment<Account>(pool, 0, count));
            }
        }));
        var (wall, cpu) = meter.Stop();
        WorkerContext.Report(new JsonObject { ["docs"] = docs, ["seconds"] = wall, ["cpuSeconds"] = cpu, ["warmupDocs"] = warmed });
    }

    private static async Task InsertAsync(C8Connection connection, WorkerContext context, IReadOnlyList<Account> documents)
    {
        var results = await connection.Documents.InsertManyAsync(context.Fabric, context.Collection, documents, Accounts.Writer);
        if (results.Count != documents.Count || results.ErrorCount > 0)
        {
            throw new InvalidOperationException($"Insert of {documents.Count} documents returned {results}.");
        }
    }
}
