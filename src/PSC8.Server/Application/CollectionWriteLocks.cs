namespace PSC8.Server.Application;

/// <summary>
/// Who may write a collection right now. A modifying query holds the locks of the collections it writes while it
/// runs (at most its maxRuntime), so writers of those collections wait for it and nobody else does: it applies its
/// writes under the region's write lock only at the end (<see cref="Storage.DeferredWriter"/>). A document API write
/// holds its collection's lock for the moment it takes; replication into a region waits while a query writes there.
/// </summary>
internal sealed class CollectionWriteLocks
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<long, int> _queryHeld = new();

    /// <summary>Takes the locks of the collections, in id order (so two queries never wait for each other in a circle).</summary>
    public async Task<IDisposable> AcquireAsync(IEnumerable<long> collectionIds, CancellationToken cancellationToken, bool byQuery = false)
    {
        var held = new List<SemaphoreSlim>();
        var ids = new List<long>();
        try
        {
            foreach (var id in collectionIds.Distinct().Order())
            {
                var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                held.Add(gate);
                ids.Add(id);
            }
            return new Held(held, byQuery ? Mark(ids, 1) : [], this);
        }
        catch
        {
            new Held(held, []).Dispose();
            throw;
        }
    }

    /// <summary>Whether a modifying query holds any of the collections now.</summary>
    public bool HeldByQuery(IEnumerable<long> collectionIds) => collectionIds.Any(id => _queryHeld.GetValueOrDefault(id) > 0);

    private List<long> Mark(List<long> ids, int change)
    {
        foreach (var id in ids)
        {
            _queryHeld.AddOrUpdate(id, change, (_, count) => count + change);
        }
        return ids;
    }

    private sealed class Held(List<SemaphoreSlim> held, List<long> markedByQuery, CollectionWriteLocks? owner = null) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner?.Mark(markedByQuery, -1);
                foreach (var gate in held)
                {
                    gate.Release();
                }
            }
        }
    }
}
