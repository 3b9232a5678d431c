namespace PSC8.Server.KeyValue;

/// <summary>
/// Removes expired key-value pairs in the background. Reads leave them out as soon as they expire; the sweep frees
/// the space. One region removes each collection's pairs (see SweepingRegion), as ordinary deletes, so the
/// removals replicate to the other regions like any delete and no region logs the same removal twice.
/// </summary>
internal sealed class ExpirySweeper(C8Cluster cluster, TimeSpan interval) : Application.BackgroundSweep(interval)
{
    /// <summary>One pass over every collection that expires pairs; returns how many pairs were removed.</summary>
    public override int SweepOnce()
    {
        var removed = 0;
        foreach (var fabric in cluster.Catalog.Fabrics())
        {
            foreach (var collection in cluster.Catalog.Collections(fabric.Name).Where(c => c.IsKeyValue && c.Expiration))
            {
                try
                {
                    removed += Sweep(fabric, collection);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A collection dropped meanwhile, or a store closing: the next pass tries again.
                    cluster.Log($"expiry sweep of {fabric.Name}/{collection.Name} failed: {e.Message}");
                }
            }
        }
        return removed;
    }

    private int Sweep(FabricInfo fabric, CollectionInfo collection)
    {
        if (SweepingRegion(cluster, collection, fabric) is not { } region)
        {
            return 0;
        }

        var sweeper = new Principal(Principal.RootUserId, cluster.Options.Tenant, IsApiKey: false, ParentUserId: null);
        var now = KeyValueRules.NowSeconds();
        var expired = region.Store.Read(reader => new FabricTransaction(cluster, fabric, region, reader, sweeper)
            .Scan(collection).Where(p => KeyValueRules.IsExpired(collection, p, now)).Select(p => p["_key"].AsString).ToList());
        if (expired.Count == 0)
        {
            return 0;
        }
        return region.Store.Write(writer =>
        {
            if (cluster.Catalog.FindCollectionById(collection.Id) is null)
            {
                return 0;
            }
            var transaction = new FabricTransaction(cluster, fabric, region, writer, sweeper);
            var count = 0;
            foreach (var key in expired)
            {
                // Put again meanwhile with a later expireAt: it stays.
                if (transaction.GetStored(collection, key) is { } stored && KeyValueRules.IsExpired(collection, FabricTransaction.Decode(stored), now))
                {
                    transaction.Remove(collection, key, WriteOptions.Default);
                    count++;
                }
            }
            return count;
        });
    }
}
