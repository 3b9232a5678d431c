using PSC8.Bench.Orchestration;
using PSC8.Bench.Soak;
using PSC8.Bench.Workers;

// bench/run.sh drives this: `cert` once, then `run`, which starts c8local and the workers (the other commands)
// as processes of their own.
const string Usage = """
    Usage: PSC8.Bench <command> [options]
      cert --out DIR                          write the benchmark's TLS certificate and key
      run  --c8local DLL --js DIR --hostmap FILE --tls-cert FILE --tls-key FILE [knobs]
           (bench/run.sh supplies everything up to the knobs; pass it only knobs)
           knobs: --quick --runs N --docs N --batch N --warmup N --warmup-seconds S --inflight N
                  --ingest-inflight N (0: no extra run) --regions N (1–3, parts 1–3) --scan-sizes a,b --point-ops N --point-clients 1,8
                  --point-seconds S --spot-ops N --geo-delay 150ms --geo-latency 40ms
                  --modes memory,durable --only bulk,point,scan,floor,spot --worker-timeout-minutes M
      soak --c8local DLL [--duration S] [--baseline S] [--cursor-ttl-ceiling S] [--settle S] [--sleepers N]
           [--honest-pause-ms MS] [--hostile sleep,hog,burner,hoarder,writer,login,probe] [--in-memory] [--server "c8local options"] [--json FILE]
           (bench/soak.sh supplies --c8local): hostile and honest load together, see Soak/SoakRun.cs
      insert | scan | point | spot | floor    workers, started by run
    """;

if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
{
    Console.WriteLine(Usage);
    return 0;
}
// The workers, each a process of its own that run starts.
var workers = new Dictionary<string, Func<WorkerContext, Task>>
{
    ["insert"] = InsertWorker.RunAsync,
    ["scan"] = ScanWorker.RunAsync,
    ["point"] = PointWorker.RunAsync,
    ["spot"] = SpotWorker.RunAsync,
    ["floor"] = FloorWorker.RunAsync,
};
try
{
    var options = new Arguments(args[1..], new HashSet<string>(["quick", "in-memory"]));
    var worker = new WorkerContext(options);
    switch (args[0])
    {
        case "cert":
            var folder = options.Required("out");
            options.RejectUnknown();
            BenchCertificate.Write(folder, BenchRun.Regions, BenchServer.Domain);
            return 0;
        case "run":
            return await BenchRun.RunAsync(options);
        case "soak":
            return await SoakRun.RunAsync(options);
        default:
            if (workers.TryGetValue(args[0], out var run))
            {
                await run(worker);
                return 0;
            }
            Console.Error.WriteLine($"Unknown command '{args[0]}'.\n{Usage}");
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"PSC8.Bench: {e.Message}");
    return 2;
}

