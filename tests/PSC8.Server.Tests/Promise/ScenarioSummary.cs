using System.Globalization;

namespace PSC8.Server.Tests.Promise;

/// <summary>
/// What one scenario did, printed at its end: operations by kind, regions, the faults injected (with when), what
/// was observed, and the violations found. Thread-safe: the clients of a workload count into it as they go.
/// </summary>
public sealed class ScenarioSummary
{
    private const int ShownViolations = 12;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentQueue<string> _observations = new();
    private readonly ConcurrentQueue<string> _violations = new();

    public ScenarioSummary(string name, IEnumerable<string> regions, PromiseBudget budget)
    {
        Name = name;
        Regions = regions.ToArray();
        Budget = budget;
    }

    public string Name { get; }

    public IReadOnlyList<string> Regions { get; }

    public PromiseBudget Budget { get; }

    public IReadOnlyList<string> Violations => _violations.ToArray();

    public long this[string operation] => _operations.GetValueOrDefault(operation);

    public long TotalOperations => _operations.Values.Sum();

    public void Count(string operation, long n = 1) => _operations.AddOrUpdate(operation, n, (_, old) => old + n);

    public void Fault(string description) => _faults.Enqueue($"{Elapsed()} {description}");

    /// <summary>Something worth reporting that is not a failure (e.g. what eventual consistency let readers see).</summary>
    public void Observe(string description) => _observations.Enqueue(description);

    public void Violation(string description) => _violations.Enqueue(description);

    public void AddViolations(IEnumerable<string> descriptions)
    {
        foreach (var description in descriptions)
        {
            Violation(description);
        }
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"== {Name} ==  {(Budget.Soak ? "soak" : "test")} run, seed {Budget.Seed}, ");
        text.Append(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0.0} s, regions {string.Join(", ", Regions)}\n");
        text.Append(CultureInfo.InvariantCulture, $"operations ({TotalOperations}): ");
        text.AppendJoin(", ", _operations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"faults injected ({_faults.Count}):");
        text.Append(_faults.IsEmpty ? " none\n" : "\n  " + string.Join("\n  ", _faults) + "\n");
        foreach (var observation in _observations)
        {
            text.Append("observed: ").Append(observation).Append('\n');
        }
        var violations = _violations.ToArray();
        text.Append(CultureInfo.InvariantCulture, $"violations found: {violations.Length}");
        foreach (var violation in violations.Take(ShownViolations))
        {
            text.Append("\n  ").Append(violation);
        }
        if (violations.Length > ShownViolations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  … and {violations.Length - ShownViolations} more");
        }
        return text.ToString();
    }

    public void PrintTo(ITestOutputHelper output) => output.WriteLine(Render());

    private string Elapsed() => $"[{_clock.Elapsed.TotalSeconds,6:0.00} s]";
}
