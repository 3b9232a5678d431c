namespace PSC8.Server.Application;

/// <summary>
/// Fair sharing between callers (an API key or a user, by id): how many queries each may have executing at once and
/// how many cursors it may hold open, across all regions. Beyond either cap a request is refused with 429 (errorNum
/// 32, resource limit) before it takes anything, so one caller's load never takes what another caller needs.
/// </summary>
internal sealed class CallerQuotas(int maxQueries, int maxCursors)
{
    private readonly ConcurrentDictionary<string, Counts> _callers = new(StringComparer.Ordinal);

    public int MaxQueries { get; } = maxQueries;

    public int MaxCursors { get; } = maxCursors;

    /// <summary>Takes one of the caller's query places until the returned scope is disposed.</summary>
    public IDisposable EnterQuery(string caller)
    {
        var counts = _callers.GetOrAdd(caller, _ => new Counts());
        if (Interlocked.Increment(ref counts.Queries) > MaxQueries)
        {
            Interlocked.Decrement(ref counts.Queries);
            throw new C8Exception(429, C8Errors.ResourceLimit,
                $"resource limit exceeded: '{caller}' already has {MaxQueries} queries running (c8local --max-queries-per-caller); retry when one has finished");
        }
        return new QueryPlace(counts);
    }

    /// <summary>Counts a cursor the caller keeps open; <see cref="ReleaseCursor"/> gives the place back.</summary>
    public void TakeCursor(string caller)
    {
        var counts = _callers.GetOrAdd(caller, _ => new Counts());
        if (Interlocked.Increment(ref counts.Cursors) > MaxCursors)
        {
            Interlocked.Decrement(ref counts.Cursors);
            throw new C8Exception(429, C8Errors.ResourceLimit,
                $"resource limit exceeded: '{caller}' already holds {MaxCursors} open cursors (c8local --max-cursors-per-caller); read them to the end or DELETE them");
        }
    }

    public void ReleaseCursor(string caller)
    {
        if (_callers.TryGetValue(caller, out var counts))
        {
            Interlocked.Decrement(ref counts.Cursors);
        }
    }

    private sealed class Counts
    {
        public int Queries;
        public int Cursors;
    }

    private sealed class QueryPlace(Counts counts) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref counts.Queries);
            }
        }
    }
}
