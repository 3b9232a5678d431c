namespace PSC8.Server.Query.Execution;

/// <summary>Evaluates a compiled expression against the current row of an execution.</summary>
internal delegate C8Value Evaluator(QueryContext context);

/// <summary>
/// The state of one execution of a prepared query: the variable slots of the current row (shared by all
/// operators and subqueries, which use disjoint slots), the store, statistics, warnings and per-execution
/// scratch space. Never shared between threads.
/// </summary>
internal sealed class QueryContext
{
    private const int CancellationCheckInterval = 1024;

    private readonly IQueryStore? _store;
    private readonly CancellationToken _cancellation;
    private readonly List<QueryWarning> _warnings = new();
    private readonly C8Value[]?[] _argumentBuffers;
    private readonly object?[] _caches;
    private int _cancellationCountdown = CancellationCheckInterval;
    private long _memoryUsed;

    public QueryContext(IQueryStore? store, QueryOptions options, CancellationToken cancellation, QueryLayout layout)
    {
        _store = store;
        Options = options;
        _cancellation = cancellation;
        Slots = new C8Value[layout.SlotCount];
        _argumentBuffers = new C8Value[]?[layout.ArgumentSites];
        _caches = new object?[layout.CacheSlots];
    }

    public C8Value[] Slots { get; }

    public QueryOptions Options { get; }

    /// <summary>Cancelled when the query is killed, runs out of time or its caller goes away.</summary>
    public CancellationToken Cancellation => _cancellation;

    /// <summary>The memory the query holds in rows it keeps (sorting, grouping), estimated.</summary>
    public long MemoryUsed => _memoryUsed;

    public QueryStats Stats { get; } = new();

    public IReadOnlyList<QueryWarning> Warnings => _warnings;

    /// <summary>Warnings raised so far, counting those beyond MaxWarningCount that were not kept.</summary>
    public int WarningsRaised { get; private set; }

    /// <summary>False while constant expressions are folded at compile time, when there is no store.</summary>
    public bool HasStore => _store is not null;

    public IQueryStore Store => _store ?? throw new InvalidOperationException("No store while folding constants.");

    /// <summary>A reusable argument array for one function call site (arguments never outlive the call).</summary>
    public C8Value[] ArgumentBuffer(int site, int count)
    {
        var buffer = _argumentBuffers[site];
        if (buffer is null || buffer.Length != count)
        {
            buffer = new C8Value[count];
            _argumentBuffers[site] = buffer;
        }
        return buffer;
    }

    public object? GetCache(int slot) => _caches[slot];

    public void SetCache(int slot, object? value) => _caches[slot] = value;

    /// <summary>Records a warning; with failOnWarning it becomes the query's error instead.</summary>
    public void Warn(int code, string message)
    {
        WarningsRaised++;
        if (Options.FailOnWarning)
        {
            throw new C8Exception(400, code, message);
        }
        if (_warnings.Count < Options.MaxWarningCount)
        {
            _warnings.Add(new QueryWarning(code, message));
        }
    }

    /// <summary>Counts memory a kept row holds against the query's memoryLimit.</summary>
    public void Charge(long bytes)
    {
        _memoryUsed += bytes;
        if (Options.MemoryLimit > 0 && _memoryUsed > Options.MemoryLimit)
        {
            throw QueryErrors.MemoryLimitExceeded(Options.MemoryLimit);
        }
    }

    /// <summary>Cheap enough for per-row loops: the token is only consulted every so many calls.</summary>
    public void Tick()
    {
        if (--_cancellationCountdown <= 0)
        {
            _cancellationCountdown = CancellationCheckInterval;
            ThrowIfCancelled();
        }
    }

    public void ThrowIfCancelled()
    {
        if (_cancellation.IsCancellationRequested)
        {
            throw QueryErrors.Killed();
        }
    }
}

/// <summary>How much per-execution space a compiled query needs.</summary>
internal sealed record QueryLayout(int SlotCount, int ArgumentSites, int CacheSlots);
