using System.Diagnostics;

namespace PSC8.Server.Query;

/// <summary>
/// An execution whose work is timed into a profile's executing phase: its start, then each row it is asked for
/// (a streaming cursor asks batch by batch, with idle time between that is not the query's).
/// </summary>
internal sealed class ProfiledExecution : IQueryExecution
{
    private readonly IQueryExecution _inner;
    private readonly QueryProfile _profile;
    private long _ticks;
    private bool _ended;

    private ProfiledExecution(IQueryExecution inner, QueryProfile profile, long started)
    {
        _inner = inner;
        _profile = profile;
        _ticks = Stopwatch.GetTimestamp() - started;
    }

    public QueryStats Stats => _inner.Stats;

    public IReadOnlyList<QueryWarning> Warnings => _inner.Warnings;

    /// <summary>Starts <paramref name="query"/>, timed when there is a profile to fill.</summary>
    public static IQueryExecution Start(PreparedQuery query, IQueryStore store, QueryOptions options, QueryProfile? profile, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var execution = query.Execute(store, options, cancellationToken);
        return profile is null ? execution : new ProfiledExecution(execution, profile, started);
    }

    public bool MoveNext(out C8Value value)
    {
        var started = Stopwatch.GetTimestamp();
        var more = _inner.MoveNext(out value);
        // Summed here and handed over once: a profiled scan of a million rows should not pay a list lookup per row.
        _ticks += Stopwatch.GetTimestamp() - started;
        if (!more && !_ended)
        {
            _ended = true;
            _profile.Add(QueryProfile.Executing, Stopwatch.GetElapsedTime(0, _ticks));
            _profile.EndExecution();
        }
        return more;
    }

    public void Dispose() => _inner.Dispose();
}
