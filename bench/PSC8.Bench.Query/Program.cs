using PSC8.Bench.Query;

var options = BenchOptions.Parse(args);
await using var bench = await BenchCluster.StartAsync();
var table = new ResultTable();
var indexResults = new StringWriter();
string? sqliteVersion = null;

foreach (var size in options.Sizes)
{
    var collection = $"accounts_{size}";
    var load = await bench.LoadAsync(collection, size);
    Console.Error.WriteLine($"loaded {size:N0} documents in {load.TotalSeconds:0.0} s ({size / load.TotalSeconds:N0} documents/s)");
    table.AddLoad(size, load);
    if (options.Suite != "queries")
    {
        await IndexBench.RunAsync(bench, collection, size, options.Runs, indexResults);
    }
    if (options.Suite == "indexes")
    {
        continue;
    }

    using var floor = new SqliteFloor(bench.DatabasePath);
    sqliteVersion ??= floor.Version;
    var measurement = new Measurement(bench, floor, collection, size, options.Runs);
    foreach (var workload in Workload.All)
    {
        var result = await measurement.MeasureAsync(workload);
        Console.Error.WriteLine($"  {workload.Name}: floor {result.FloorMs:0.###} ms, engine {result.EngineMs:0.###} ms, http {result.HttpMs:0.###} ms");
        table.Add(result);
    }
}

if (options.Suite != "indexes")
{
    table.Print(Console.Out, Environment.ProcessorCount, sqliteVersion ?? "?", options.Runs);
}
Console.Out.Write(indexResults.ToString());
