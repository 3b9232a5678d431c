namespace PSC8.Server.Replication;

/// <summary>
/// Ships every region's replication log to the other regions, in log order per origin, after the
/// configured delay, skipping pairs that are cut off; a round comes no sooner than the batch window after the last
/// one that shipped anything, so writes in quick succession are shipped together. Each target records how far it
/// applied each origin in the same transaction as the data, so shipping resumes exactly where it stopped after a
/// crash; while it runs, the target's <see cref="Region.Applied"/> holds the same positions.
/// </summary>
internal sealed class Replicator : IAsyncDisposable
{
    private const int BatchSize = 512;
    private static readonly TimeSpan PruneInterval = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<Region> _regions;
    private readonly Catalog _catalog;
    private readonly FaultSettings _faults;
    private readonly CollectionWriteLocks _writeLocks;
    private static readonly TimeSpan LockedRetry = TimeSpan.FromMilliseconds(20);

    private readonly TimeSpan _batchWindow;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private DateTime _lastPrune = DateTime.MinValue;
    private DateTime _lastShipped = DateTime.MinValue;
    private long _shipments;
    private Task? _loop;

    public Replicator(IReadOnlyList<Region> regions, Catalog catalog, FaultSettings faults, CollectionWriteLocks writeLocks, TimeSpan batchWindow)
    {
        _writeLocks = writeLocks;
        _batchWindow = batchWindow;
        _regions = regions;
        _catalog = catalog;
        _faults = faults;
    }

    public void Start()
    {
        foreach (var region in _regions)
        {
            region.Store.LogAppended += Wake;
        }
        _faults.Changed += Wake;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Waits until every reachable region has applied every other reachable region's log.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsDrained())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Replication did not catch up in time.");
            }
            Wake();
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Runs of log entries applied to a target region so far, each in one transaction (diagnostics, tests).</summary>
    public long Shipments => Interlocked.Read(ref _shipments);

    /// <summary>Entries written in <paramref name="origin"/> that <paramref name="target"/> has not applied yet.</summary>
    public long Backlog(string origin, string target) => Backlog(Named(origin), Named(target));

    private static long Backlog(Region origin, Region target) =>
        Math.Max(0, origin.Store.LastLogSeq() - target.Applied.Of(origin.Name));

    private Region Named(string name) =>
        _regions.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No region '{name}'.");

    private bool IsDrained()
    {
        foreach (var origin in _regions)
        {
            foreach (var target in _regions)
            {
                if (origin != target && _faults.CanReach(origin.Name, target.Name) && Backlog(origin, target) > 0)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every write before it.
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            DateTime? nextDue = null;
            try
            {
                var sinceShipped = DateTime.UtcNow - _lastShipped;
                if (sinceShipped < _batchWindow)
                {
                    await Task.Delay(_batchWindow - sinceShipped, token).ConfigureAwait(false);
                }
                nextDue = ShipAll();
                PruneIfDue();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            var wait = nextDue is { } due ? due - DateTime.UtcNow : Timeout.InfiniteTimeSpan;
            if (wait != Timeout.InfiniteTimeSpan && wait < TimeSpan.Zero)
            {
                continue;
            }
            try
            {
                // Also wake up now and then: cheap, and a safety net for a missed signal.
                var bounded = wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
                await _wake.WaitAsync(bounded, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Ships what is due on every pair; returns when the next delayed entry becomes due, if any.</summary>
    private DateTime? ShipAll()
    {
        DateTime? nextDue = null;
        foreach (var origin in _regions)
        {
            foreach (var target in _regions)
            {
                if (origin == target || !_faults.CanReach(origin.Name, target.Name))
                {
                    continue;
                }
                if (ShipPair(origin, target) is { } due && (nextDue is null || due < nextDue))
                {
                    nextDue = due;
                }
            }
        }
        return nextDue;
    }

    private DateTime? ShipPair(Region origin, Region target)
    {
        while (true)
        {
            var entries = origin.Store.ReadLog(target.Applied.Of(origin.Name), BatchSize);
            if (entries.Count == 0)
            {
                return null;
            }
            var delayMs = (long)_faults.ReplicationDelay.TotalMilliseconds;
            var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var dueCount = 0;
            while (dueCount < entries.Count && entries[dueCount].CommittedAtMs + delayMs <= nowMs)
            {
                dueCount++;
            }
            if (dueCount > 0)
            {
                var due = entries.GetRange(0, dueCount);
                // A modifying query writing one of these collections applies its writes at its end, over the versions
                // it read: replicated versions must not land in between, so the pair waits for it (in log order).
                if (_writeLocks.HeldByQuery(due.Select(e => e.CollectionId)))
                {
                    return DateTime.UtcNow + LockedRetry;
                }
                target.Store.Write(writer =>
                {
                    foreach (var entry in due)
                    {
                        Apply(writer, target, origin.Name, entry);
                    }
                    writer.SetApplied(origin.Name, due[^1].Seq);
                    return 0;
                });
                target.Applied.Advance(origin.Name, due[^1].Seq);
                Interlocked.Increment(ref _shipments);
                _lastShipped = DateTime.UtcNow;
            }
            if (dueCount < entries.Count)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(entries[dueCount].CommittedAtMs + delayMs).UtcDateTime;
            }
            if (entries.Count < BatchSize)
            {
                return null;
            }
        }
    }

    /// <remarks>
    /// Every region keeps a replica, also those outside the fabric's dcList (requests for the fabric there are served
    /// by a member region, so it is never visible): moving the spot region to such a region makes it a member, and a
    /// replica built only from then on would lack everything shipped, and skipped, before.
    /// </remarks>
    private void Apply(RegionWriter writer, Region target, string origin, LogEntry entry)
    {
        var fabric = _catalog.FindFabric(entry.Fabric);
        var collection = _catalog.FindCollectionById(entry.CollectionId);
        if (fabric is null || collection is null || collection.Fabric != entry.Fabric
            || collection.IsLocal || collection.IsSpot)
        {
            return;
        }
        target.Clock.Observe(entry.Stamp);
        ReplicaApplier.Apply(writer, origin, entry);
    }

    private void PruneIfDue()
    {
        if (DateTime.UtcNow - _lastPrune < PruneInterval)
        {
            return;
        }
        _lastPrune = DateTime.UtcNow;
        foreach (var origin in _regions)
        {
            var shippedEverywhere = _regions.Where(t => t != origin).Select(t => t.Applied.Of(origin.Name)).DefaultIfEmpty(long.MaxValue).Min();
            if (shippedEverywhere == long.MaxValue)
            {
                // A lone region ships to no one (and logs nothing now), so a log left from a run with more regions
                // has reached every region there is: without this it would stay forever.
                shippedEverywhere = origin.Store.LastLogSeq();
            }
            if (shippedEverywhere > 0)
            {
                origin.Store.PruneLog(shippedEverywhere);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        foreach (var region in _regions)
        {
            region.Store.LogAppended -= Wake;
        }
        _faults.Changed -= Wake;
        _stop.Dispose();
    }
}
