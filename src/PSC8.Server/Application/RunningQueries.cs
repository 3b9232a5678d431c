using System.Diagnostics;

namespace PSC8.Server.Application;

/// <summary>ArangoDB's query tracking properties (GET|PUT /query/properties); thresholds in seconds.</summary>
internal sealed record QueryTrackingProperties(
    bool Enabled = true,
    bool TrackSlowQueries = true,
    bool TrackBindVars = true,
    int MaxSlowQueries = 64,
    double SlowQueryThreshold = 10,
    double SlowStreamingQueryThreshold = 10,
    int MaxQueryStringLength = 4096);

/// <summary>
/// One query from the moment it is opened until its last row is handed out (a streaming cursor's query stays
/// here while the cursor is open). Its token is cancelled when it is killed, reaches its maxRuntime or, for a
/// query answered in one request, when the client goes away.
/// </summary>
internal sealed class RunningQuery(RunningQueries owner, string id, string fabric, string user, string query, C8Object bindVars, bool stream,
    TimeSpan maxRuntime, CancellationToken aborted) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = Cancellation(maxRuntime, aborted);
    private readonly long _startedTicks = Stopwatch.GetTimestamp();
    private int _finished;

    public string Id { get; } = id;

    public string Fabric { get; } = fabric;

    /// <summary>The caller who runs it (an API key's id or a user's).</summary>
    public string User { get; } = user;

    public string Query { get; } = query;

    public C8Object BindVars { get; } = bindVars;

    public bool Stream { get; } = stream;

    public DateTime Started { get; } = DateTime.UtcNow;

    public TimeSpan RunTime => Stopwatch.GetElapsedTime(_startedTicks);

    public CancellationToken Token => _cancellation.Token;

    /// <summary>Stops the query where it is: its caller gets 410/1500.</summary>
    public void Kill()
    {
        if (Volatile.Read(ref _finished) != 0)
        {
            return;
        }
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished meanwhile: nothing left to stop.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            owner.Finish(this);
            _cancellation.Dispose();
        }
    }

    /// <summary>Cancelled when the caller aborts or, given a positive maxRuntime, when that much time has passed.</summary>
    private static CancellationTokenSource Cancellation(TimeSpan maxRuntime, CancellationToken aborted)
    {
        var cancellation = aborted.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(aborted) : new CancellationTokenSource();
        if (maxRuntime > TimeSpan.Zero)
        {
            cancellation.CancelAfter(maxRuntime);
        }
        return cancellation;
    }
}

/// <summary>
/// The queries running in this C8 Local and the slow ones that finished, for GET /query/current, /query/slow and
/// DELETE /query/{id}: how a user finds and stops a runaway query.
/// </summary>
internal sealed class RunningQueries
{
    private static long s_lastId = DateTimeOffset.UtcNow.ToUnixTimeSeconds() * 1000;

    private readonly ConcurrentDictionary<string, RunningQuery> _running = new(StringComparer.Ordinal);
    private readonly LinkedList<C8Value> _slow = new();
    private readonly Lock _slowLock = new();

    public QueryTrackingProperties Properties { get; set; } = new();

    public RunningQuery Start(string fabric, string user, string query, C8Object bindVars, bool stream, TimeSpan maxRuntime, CancellationToken aborted)
    {
        var id = Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);
        var running = new RunningQuery(this, id, fabric, user, query, bindVars, stream, maxRuntime, aborted);
        _running[id] = running;
        return running;
    }

    /// <summary>The fabric's running queries a caller may see: every one for an administrator, else the caller's own.</summary>
    public IEnumerable<RunningQuery> Current(string fabric, string caller, bool admin) =>
        _running.Values.Where(q => q.Fabric == fabric && (admin || q.User == caller)).OrderBy(q => q.Started);

    public IReadOnlyList<C8Value> Slow(string fabric, string caller, bool admin)
    {
        lock (_slowLock)
        {
            return _slow.Where(entry => entry["database"].AsString == fabric && (admin || entry["user"].AsString == caller)).ToList();
        }
    }

    public void ClearSlow(string fabric)
    {
        lock (_slowLock)
        {
            for (var node = _slow.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value["database"].AsString == fabric)
                {
                    _slow.Remove(node);
                }
                node = next;
            }
        }
    }

    /// <summary>Kills a query of the fabric; false when there is none with that id the caller may kill.</summary>
    public bool Kill(string fabric, string id, string caller, bool admin)
    {
        if (!_running.TryGetValue(id, out var query) || query.Fabric != fabric || !(admin || query.User == caller))
        {
            return false;
        }
        query.Kill();
        return true;
    }

    /// <summary>A query as /query/current and /query/slow describe it (ArangoDB's attributes).</summary>
    public C8Value Describe(RunningQuery query, string state)
    {
        var properties = Properties;
        var text = query.Query.Length > properties.MaxQueryStringLength ? query.Query[..properties.MaxQueryStringLength] : query.Query;
        return C8Value.From(new C8Object.Builder(10)
            .Set("id", C8Value.From(query.Id))
            .Set("database", C8Value.From(query.Fabric))
            .Set("user", C8Value.From(query.User))
            .Set("query", C8Value.From(text))
            .Set("bindVars", properties.TrackBindVars ? C8Value.From(query.BindVars) : C8Value.From(C8Object.Empty))
            .Set("started", C8Value.From(query.Started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)))
            .Set("runTime", C8Value.From(query.RunTime.TotalSeconds))
            .Set("state", C8Value.From(state))
            .Set("stream", C8Value.From(query.Stream))
            .Build());
    }

    internal void Finish(RunningQuery query)
    {
        _running.TryRemove(query.Id, out _);
        var properties = Properties;
        var threshold = query.Stream ? properties.SlowStreamingQueryThreshold : properties.SlowQueryThreshold;
        if (!properties.Enabled || !properties.TrackSlowQueries || query.RunTime.TotalSeconds < threshold)
        {
            return;
        }
        var entry = Describe(query, "finished");
        lock (_slowLock)
        {
            _slow.AddLast(entry);
            while (_slow.Count > Math.Max(0, properties.MaxSlowQueries))
            {
                _slow.RemoveFirst();
            }
        }
    }
}
