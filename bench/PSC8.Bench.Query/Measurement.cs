using PSC8.Server.Model;

namespace PSC8.Bench.Query;

/// <summary>Medians of one workload on one collection, through the SQLite floor, the engine in process and HTTP.</summary>
internal sealed record WorkloadResult(Workload Workload, int Documents, int Rows, double FloorMs, double EngineMs, double ExecutionTimeMs, double HttpMs);

/// <summary>
/// Runs each workload on one collection: warm-up first, then timed runs whose median counts. Point lookups are
/// short, so they run 200 times as often, each with another key (the same keys for all three runners).
/// </summary>
internal sealed class Measurement(BenchCluster bench, SqliteFloor floor, string collection, int documents, int runs)
{
    private const int LookupsPerRun = 200;

    private readonly EngineRunner _engine = new(bench);
    private readonly HttpRunner _http = new(bench);
    private readonly long _collectionId = bench.Cluster.Catalog.FindCollection(BenchCluster.Fabric, collection)!.Id;

    public async Task<WorkloadResult> MeasureAsync(Workload workload)
    {
        var count = workload.IsPointLookup ? runs * LookupsPerRun : runs;
        var warmUp = workload.IsPointLookup ? LookupsPerRun : 1;
        var keys = Keys(warmUp + count);

        var floorSamples = new List<Sample>();
        var engineSamples = new List<Sample>();
        var httpSamples = new List<Sample>();
        for (var i = 0; i < warmUp + count; i++)
        {
            var key = keys[i];
            var bindVars = BindVars(workload, key);
            var floorSample = floor.Run(workload.Sql, _collectionId, workload.IsPointLookup ? key : null);
            var engineSample = _engine.Run(workload.C8ql, bindVars);
            var httpSample = await _http.RunAsync(workload.C8ql, bindVars);
            if (floorSample.Rows != engineSample.Rows || engineSample.Rows != httpSample.Rows)
            {
                throw new InvalidOperationException(
                    $"{workload.Name}: SQLite found {floorSample.Rows} rows, the engine {engineSample.Rows}, HTTP {httpSample.Rows}");
            }
            if (i >= warmUp)
            {
                floorSamples.Add(floorSample);
                engineSamples.Add(engineSample);
                httpSamples.Add(httpSample);
            }
        }
        return new WorkloadResult(workload, documents, engineSamples[0].Rows, Median(floorSamples.Select(s => s.Ms)), Median(engineSamples.Select(s => s.Ms)),
            Median(httpSamples.Select(s => s.ServerMs!.Value)), Median(httpSamples.Select(s => s.Ms)));
    }

    private C8Object BindVars(Workload workload, string key)
    {
        var bindVars = new C8Object.Builder().Add("@c", C8Value.From(collection));
        if (workload.IsPointLookup)
        {
            bindVars.Add("key", C8Value.From(key));
        }
        return bindVars.Build();
    }

    /// <summary>Random existing keys, the same sequence on every run of the bench.</summary>
    private string[] Keys(int count)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count).Select(_ => random.Next(1, documents + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
