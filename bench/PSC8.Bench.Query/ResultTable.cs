using System.Globalization;

namespace PSC8.Bench.Query;

/// <summary>The results as a Markdown table, with the goals checked: scans and aggregates within 3x of SQLite, point lookups under 0.5 ms.</summary>
internal sealed class ResultTable
{
    private const double ScanGoal = 3.0;
    private const double LookupGoalMs = 0.5;

    private readonly List<WorkloadResult> _results = new();
    private readonly List<(int Documents, TimeSpan Time)> _loads = new();

    public void Add(WorkloadResult result) => _results.Add(result);

    public void AddLoad(int documents, TimeSpan time) => _loads.Add((documents, time));

    public void Print(TextWriter output, int cores, string sqliteVersion, int runs)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"C8QL on C8 Local vs. SQLite json_extract — {cores} cores, {Environment.OSVersion}, .NET {Environment.Version}, SQLite {sqliteVersion}; medians of {runs} runs ({runs * 200} for lookups); times in ms"));
        output.WriteLine();
        output.WriteLine("| workload | docs | rows | SQLite floor | engine (in-process) | engine / floor | executionTime stat | HTTP end to end | HTTP / floor | goal |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in _results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Workload.Name} | {r.Documents:N0} | {r.Rows:N0} | {Ms(r.FloorMs)} | {Ms(r.EngineMs)} | {r.EngineMs / r.FloorMs:0.0}x | {Ms(r.ExecutionTimeMs)} | {Ms(r.HttpMs)} | {r.HttpMs / r.FloorMs:0.0}x | {Goal(r)} |"));
        }
        output.WriteLine();
        foreach (var (documents, time) in _loads)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Load of {documents:N0} documents through the batch document API (10,000 per request): {time.TotalSeconds:0.0} s ({documents / time.TotalSeconds:N0} documents/s)"));
        }
    }

    private static string Goal(WorkloadResult r) => r.Workload.IsPointLookup
        ? (r.EngineMs < LookupGoalMs ? "met" : "MISSED") + $" (< {LookupGoalMs} ms)"
        : (r.EngineMs / r.FloorMs <= ScanGoal ? "met" : "MISSED") + $" (<= {ScanGoal}x)";

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
