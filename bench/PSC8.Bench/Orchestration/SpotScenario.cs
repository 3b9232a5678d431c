namespace PSC8.Bench.Orchestration;

/// <summary>
/// Part 5: a spot collection and an ordinary (global) one, both used from a region that is not the fabric's spot
/// region, under each combination of replication delay (0 or geo-like) and link latency (0 or geo-like), changed
/// at run time on one three-region server.
/// </summary>
public static class SpotScenario
{
    private const string Fabric = "spotbench";
    private const string SpotCollection = "spot";
    private const string OrdinaryCollection = "ordinary";

    public static async Task RunAsync(BenchServer server, BenchSettings settings, BenchResults results)
    {
        var regions = server.RegionNames;
        var (spotRegion, near, far) = (regions[0], regions[1], regions[2]);
        var fabric = new C8FabricCreateOptions { SpotRegion = C8SpotRegion.Named(spotRegion) };
        foreach (var region in regions)
        {
            fabric.Regions.Add(region);
        }
        await server.Root.Fabrics.CreateAsync(Fabric, fabric);
        await server.CreateCollectionAsync(Fabric, SpotCollection, spot: true);
        await server.CreateCollectionAsync(Fabric, OrdinaryCollection);

        var settingsToTry = new[]
        {
            ("0ms", "0ms"),
            (settings.GeoReplicationDelay, "0ms"),
            ("0ms", settings.GeoLinkLatency),
            (settings.GeoReplicationDelay, settings.GeoLinkLatency),
        };
        foreach (var (delay, latency) in settingsToTry)
        {
            await server.SetFaultsAsync(delay, latency);
            foreach (var (kind, collection) in new[] { ("ordinary", OrdinaryCollection), ("spot", SpotCollection) })
            {
                var worker = WorkerProcess.DotNet("spot", new Dictionary<string, string>(server.DotNetWorker(near, Fabric, collection))
                {
                    ["other-url"] = server.Url(far).ToString(),
                    ["ops"] = settings.SpotOps.ToString(CultureInfo.InvariantCulture),
                });
                var result = await worker.RunAsync(settings.WorkerTimeout);
                var sample = new SpotSample(delay, latency, kind, Read(result, "write"), Read(result, "read"), Read(result, "visible"));
                results.Spots.Add(sample);
                Progress.Line($"spot delay {delay} latency {latency} {kind}: write p50 {sample.Write.P50Ms:0.0} ms, read p50 {sample.Read.P50Ms:0.0} ms, visible p50 {sample.Visible.P50Ms:0.0} ms");
            }
        }
        await server.SetFaultsAsync("0ms", "0ms");
    }

    private static Latency Read(System.Text.Json.Nodes.JsonObject result, string name) =>
        new((double)result[name]!["p50Ms"]!, (double)result[name]!["p99Ms"]!);
}
