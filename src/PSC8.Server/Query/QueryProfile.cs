using System.Diagnostics;

namespace PSC8.Server.Query;

/// <summary>
/// How long each phase of one query took, for <c>options.profile</c>: ArangoDB's <c>extra.profile</c>, in seconds,
/// limited to the phases C8 Local has. Parsing is near zero when the parse tree comes from the engine's cache.
/// ArangoDB's "optimizing ast", "instantiating plan" and "optimizing plan" are one pass of C8 Local's compiler,
/// reported as "optimizing plan". "executing" adds up the time spent producing rows, over every batch of a
/// streaming cursor; "finalizing" runs from the last row to the answer that carries the profile (the commit of a
/// modification query, the way back from a spot region, closing the cursor).
/// </summary>
internal sealed class QueryProfile
{
    public const string Parsing = "parsing";
    public const string OptimizingPlan = "optimizing plan";
    public const string Executing = "executing";
    public const string Finalizing = "finalizing";

    private readonly List<KeyValuePair<string, TimeSpan>> _phases = new(4);
    private long _executionEnded;
    private bool _finished;

    /// <summary>The phases in the order they first ran.</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Phases => _phases;

    public void Add(string phase, TimeSpan took)
    {
        var index = _phases.FindIndex(p => p.Key == phase);
        if (index < 0)
        {
            _phases.Add(new(phase, took));
        }
        else
        {
            _phases[index] = new(phase, _phases[index].Value + took);
        }
    }

    /// <summary>The execution has produced its last row: finalizing starts.</summary>
    public void EndExecution() => _executionEnded = Stopwatch.GetTimestamp();

    /// <summary>Closes the finalizing phase, once; before the execution has ended there is nothing to close.</summary>
    public void Finish()
    {
        if (_executionEnded == 0 || _finished)
        {
            return;
        }
        _finished = true;
        Add(Finalizing, Stopwatch.GetElapsedTime(_executionEnded));
    }
}
