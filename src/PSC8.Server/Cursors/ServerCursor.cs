using PSC8.Server.Query;

namespace PSC8.Server.Cursors;

/// <summary>
/// How a cursor hands out its rows: batch size, idle lifetime, whether it streams (then only the final batch
/// carries extra) and whether extra.stats reports fullCount.
/// </summary>
internal sealed record CursorSettings(int BatchSize, TimeSpan Ttl, bool Stream, bool FullCount);

/// <summary>
/// A query result handed out batch by batch. It pulls rows from its execution only when a batch is asked
/// for, so a streaming read-only query reads its snapshot as it goes; one row is read ahead to know whether
/// more follow.
/// </summary>
internal sealed class ServerCursor(
    string owner, string homeRegion, CursorSettings settings, IQueryExecution execution, IDisposable? snapshot, QueryProfile? profile,
    RunningQuery? streaming = null) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private C8Value? _lookahead;
    private bool _finished;
    private int _disposed;

    public string Id { get; set; } = "";

    /// <summary>The number of rows, when the opener asked for it; every batch repeats it.</summary>
    public long? Count { get; set; }

    /// <summary>Only the principal who opened a cursor may read or close it.</summary>
    public string Owner { get; } = owner;

    /// <summary>The region whose data the cursor reads (the spot region for spot collections).</summary>
    public string HomeRegion { get; } = homeRegion;

    /// <summary>What the opener asked for; every later batch is shaped by it too.</summary>
    public CursorSettings Settings { get; } = settings;

    public QueryStats Stats => execution.Stats;

    public IReadOnlyList<QueryWarning> Warnings => execution.Warnings;

    /// <summary>The query's phase timings, when the opener asked for a profile.</summary>
    public QueryProfile? Profile { get; } = profile;

    /// <summary>The query a streaming cursor still runs, batch by batch; null when every row is already in memory.</summary>
    public RunningQuery? Streaming { get; } = streaming;

    public DateTime ExpiresAt { get; private set; } = DateTime.UtcNow + settings.Ttl;

    public void Touch() => ExpiresAt = DateTime.UtcNow + Settings.Ttl;

    /// <summary>The next batch and whether more rows follow. Calls on one cursor take turns.</summary>
    public async Task<(List<C8Value> Batch, bool HasMore)> NextBatchAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            Touch();
            // A streaming batch runs the query on, which may take up to its maxRuntime: not on a pool thread.
            return Streaming is null ? NextBatch() : await QueryThreads.RunAsync(NextBatch).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Same as <see cref="NextBatchAsync"/> for the first batch, taken by the request that opened the cursor.</summary>
    public (List<C8Value> Batch, bool HasMore) NextBatch()
    {
        var size = Settings.BatchSize;
        var batch = new List<C8Value>(Math.Min(size, 1024));
        while (batch.Count < size && TryNext(out var row))
        {
            batch.Add(row);
        }
        var hasMore = false;
        if (batch.Count == size && TryNext(out var next))
        {
            _lookahead = next;
            hasMore = true;
        }
        return (batch, hasMore);
    }

    private bool TryNext(out C8Value row)
    {
        if (_lookahead is { } held)
        {
            _lookahead = null;
            row = held;
            return true;
        }
        if (!_finished && execution.MoveNext(out row))
        {
            return true;
        }
        _finished = true;
        row = C8Value.Null;
        return false;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // A batch being read on another thread is stopped, then waited for: its execution must not vanish under it.
        Streaming?.Kill();
        _turn.Wait();
        execution.Dispose();
        snapshot?.Dispose();
        Streaming?.Dispose();
    }
}
