namespace PSC8.Server.Application;

/// <summary>
/// Removes documents that TTL indexes say expired, in the background, as ordinary deletes: one region removes them
/// (the spot region for a spot collection, the collection's own for a local one, the fabric's first region for a
/// global one) and replication carries the removal to the others like any delete.
/// </summary>
internal sealed class TtlSweeper(C8Cluster cluster, TimeSpan interval) : BackgroundSweep(interval)
{
    private const int BatchSize = 1000;

    private static readonly Principal System = new(Principal.RootUserId, "", IsApiKey: false, ParentUserId: null);

    /// <summary>Removes what has expired by now; returns how many documents it removed.</summary>
    public override int SweepOnce()
    {
        var removed = 0;
        foreach (var index in cluster.Catalog.AllIndexes().Where(i => i.IsTtl))
        {
            try
            {
                removed += Sweep(index);
            }
            catch (Exception e) when (e is C8Exception or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // A collection dropped, or a region stopped, while sweeping: the next round sees the catalog as it is then.
                cluster.Log($"TTL sweep of index {index.Id} failed: {e.Message}");
            }
        }
        return removed;
    }

    private int Sweep(IndexInfo index)
    {
        if (cluster.Catalog.FindCollectionById(index.CollectionId) is not { } collection ||
            cluster.Catalog.FindFabric(collection.Fabric) is not { } fabric ||
            SweepingRegion(cluster, collection, fabric) is not { } region)
        {
            return 0;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        return region.Store.Write(writer =>
        {
            var transaction = new FabricTransaction(cluster, fabric, region, writer, System);
            var keys = writer.ExpiredKeys(index, collection.Id, now, BatchSize);
            foreach (var key in keys)
            {
                transaction.Remove(collection, key, WriteOptions.Default);
            }
            return keys.Count;
        });
    }
}
