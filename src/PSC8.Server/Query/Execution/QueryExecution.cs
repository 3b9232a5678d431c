using System.Diagnostics;

namespace PSC8.Server.Query.Execution;

/// <summary>
/// One running query: pulls rows from the top-level pipeline on demand and evaluates RETURN for each.
/// A query ending in a data modification produces no results; draining it runs all its writes.
/// </summary>
internal sealed class QueryExecution : IQueryExecution
{
    private readonly Pipeline _pipeline;
    private readonly QueryContext _context;
    private readonly Stopwatch _clock;
    private readonly HashSet<C8Value>? _seen;
    private readonly bool _hasFullCountLimit;
    private RowCursor? _cursor;
    private long _produced;
    private bool _finished;

    public QueryExecution(Pipeline pipeline, QueryContext context, bool hasFullCountLimit)
    {
        _pipeline = pipeline;
        _context = context;
        _hasFullCountLimit = hasFullCountLimit;
        _clock = Stopwatch.StartNew();
        _seen = pipeline.Distinct ? new HashSet<C8Value>(Values.C8ValueEquality.Instance) : null;
    }

    public QueryStats Stats
    {
        get
        {
            _context.Stats.ExecutionTime = _clock.Elapsed.TotalSeconds;
            return _context.Stats;
        }
    }

    public IReadOnlyList<QueryWarning> Warnings => _context.Warnings;

    public bool MoveNext(out C8Value value)
    {
        value = default;
        if (_finished)
        {
            return false;
        }
        try
        {
            _context.ThrowIfCancelled();
            _cursor ??= _pipeline.Open(_context);
            while (_cursor.MoveNext())
            {
                _context.Tick();
                if (_pipeline.Result is null)
                {
                    continue;
                }
                value = _pipeline.Result(_context);
                if (_seen is not null && !_seen.Add(value))
                {
                    continue;
                }
                _produced++;
                return true;
            }
            Finish();
            return false;
        }
        catch (InsufficientExecutionStackException)
        {
            throw QueryErrors.Syntax("query is too deeply nested to be executed");
        }
    }

    private void Finish()
    {
        _finished = true;
        if (_context.Options.FullCount && !_hasFullCountLimit)
        {
            _context.Stats.FullCount = _produced;
        }
        _context.Stats.ExecutionTime = _clock.Elapsed.TotalSeconds;
        DisposeCursor();
    }

    private void DisposeCursor()
    {
        _cursor?.Dispose();
        _cursor = null;
    }

    public void Dispose() => DisposeCursor();
}
