namespace PSC8.Bench.Soak;

/// <summary>
/// Every request of one kind in one phase: its latency as the caller saw it (Stopwatch around the whole exchange,
/// body read included) and its outcome — the HTTP status with GDN's errorNum when there is one, or the client-side
/// failure. Nothing is dropped: failures count too, in their own column.
/// </summary>
public sealed class RequestLog(string kind)
{
    private readonly List<double> _latenciesMs = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private int _failures;
    private int _abandoned;

    public string Kind { get; } = kind;

    public void Add(double latencyMs, string outcome, bool failed)
    {
        lock (_latenciesMs)
        {
            _latenciesMs.Add(latencyMs);
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
            if (failed)
            {
                _failures++;
            }
        }
    }

    /// <summary>Counts a request the harness abandoned in flight when the load stopped (it has no outcome).</summary>
    public void Abandon() => Interlocked.Increment(ref _abandoned);

    public RequestSummary Summarize()
    {
        lock (_latenciesMs)
        {
            return new RequestSummary(Kind, [.. _latenciesMs], new Dictionary<string, int>(_outcomes, StringComparer.Ordinal), _failures, Volatile.Read(ref _abandoned));
        }
    }
}

/// <summary>A snapshot of a <see cref="RequestLog"/>.</summary>
public sealed record RequestSummary(string Kind, IReadOnlyList<double> LatenciesMs, IReadOnlyDictionary<string, int> Outcomes, int Failures, int Abandoned)
{
    public int Count => LatenciesMs.Count;
}
