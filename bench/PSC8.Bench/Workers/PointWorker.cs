using PSC8.Client.Json;

namespace PSC8.Bench.Workers;

/// <summary>
/// Single-document round trips through PSC8.Client from --clients concurrent clients (each its own connection):
/// an insert phase, then reads and updates of the inserted keys. Each phase stops at --ops per client or after
/// --seconds, whichever comes first; latencies are per request as the caller sees them. Unmeasured rounds of all
/// phases (--warmup operations each) go first, for at least --warmup-seconds. Key-value put and get round trips of
/// the same accounts (as values) in a key-value collection beside it run the same way, to set against insert and read.
/// </summary>
public static class PointWorker
{
    private static readonly JsonItemWriter<double> BalancePatch = (w, balance) =>
    {
        w.WriteStartObject();
        w.WriteNumber("balance", balance);
        w.WriteEndObject();
    };

    private static readonly JsonItemWriter<int> AccountValue = (w, index) => Accounts.Writer(w, Accounts.Make(index));

    private delegate Task Operation(int client, int index);

    public static async Task RunAsync(WorkerContext context)
    {
        var clients = context.Args.Int("clients", 1);
        var ops = context.Args.Int("ops", 2000);
        var limit = TimeSpan.FromSeconds(context.Args.Double("seconds", 20));
        var warmup = context.Args.Int("warmup", 200);
        var warmupTime = TimeSpan.FromSeconds(context.Args.Double("warmup-seconds", 0));
        context.Args.RejectUnknown();
        var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => context.ConnectAsync()));
        var pairs = context.Collection + "_kv";
        await connections[0].KeyValues.CreateCollectionAsync(context.Fabric, pairs);
        try
        {
            var keys = Enumerable.Range(0, clients).Select(_ => new List<string>()).ToArray();
            Operation insert = async (client, index) =>
            {
                var result = await connections[client].Documents.InsertAsync(context.Fabric, context.Collection, Accounts.Make(index), Accounts.Writer);
                keys[client].Add(result.Key!);
            };
            Operation read = async (client, index) =>
            {
                var document = await connections[client].Documents.GetAsync(context.Fabric, context.Collection, KeyFor(keys[client], index));
                if (document is not { ValueKind: JsonValueKind.Object })
                {
                    throw new InvalidOperationException("A read returned no document.");
                }
            };
            Operation update = (client, index) =>
                connections[client].Documents.UpdateAsync(context.Fabric, context.Collection, KeyFor(keys[client], index), index + 0.5, BalancePatch);
            var stored = new int[clients];
            Operation put = async (client, index) =>
            {
                await connections[client].KeyValues.PutAsync(context.Fabric, pairs, new[] { new C8KeyValueEntry<int>(PairKey(client, index), index) }, AccountValue);
                stored[client] = Math.Max(stored[client], index + 1);
            };
            Operation get = async (client, index) =>
            {
                if (await connections[client].KeyValues.GetAsync(context.Fabric, pairs, PairKey(client, index % stored[client])) is null)
                {
                    throw new InvalidOperationException("A key-value get found no pair.");
                }
            };

            var clock = Stopwatch.StartNew();
            do
            {
                foreach (var warm in new[] { insert, read, update, put, get })
                {
                    await RunPhaseAsync(clients, warmup, limit, warm);
                }
            }
            while (clock.Elapsed < warmupTime);

            await WorkerContext.WaitForGoAsync();
            var meter = WorkMeter.Start();
            var result = new JsonObject
            {
                ["insert"] = await RunPhaseAsync(clients, ops, limit, insert),
                ["read"] = await RunPhaseAsync(clients, ops, limit, read),
                ["update"] = await RunPhaseAsync(clients, ops, limit, update),
                ["kv-put"] = await RunPhaseAsync(clients, ops, limit, put),
                ["kv-get"] = await RunPhaseAsync(clients, ops, limit, get),
            };
            var (_, cpu) = meter.Stop();
            result["cpuSeconds"] = cpu;
            WorkerContext.Report(result);
        }
        finally
        {
            await connections[0].KeyValues.DeleteCollectionAsync(context.Fabric, pairs);
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    private static string KeyFor(List<string> keys, int index) => keys[index % keys.Count];

    private static string PairKey(int client, int index) => "c" + client + "_" + index;

    private static async Task<JsonObject> RunPhaseAsync(int clients, int ops, TimeSpan limit, Operation operation)
    {
        var wall = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var measured = new List<double>(ops);
            for (var i = 0; i < ops && wall.Elapsed < limit; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(client, i);
                measured.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return measured;
        }));
        wall.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new JsonObject
        {
            ["ops"] = all.Count,
            ["opsPerSecond"] = all.Count / wall.Elapsed.TotalSeconds,
            ["p50Ms"] = Stats.Percentile(all, 50),
            ["p99Ms"] = Stats.Percentile(all, 99),
        };
    }
}
