namespace PSC8.Server.Replication;

/// <summary>Applies one replicated write to a region's copy under last-writer-wins; older versions lose quietly.</summary>
internal static class ReplicaApplier
{
    public static void Apply(RegionWriter writer, string origin, LogEntry entry)
    {
        switch (entry.Op)
        {
            case ReplicatedOp.Put:
                if (IsNewerThanStored(writer, origin, entry))
                {
                    writer.Put(entry.CollectionId, entry.Key, entry.Stamp, origin, entry.Body!);
                    writer.DeleteTombstone(entry.CollectionId, entry.Key);
                }
                break;
            case ReplicatedOp.Delete:
                if (IsNewerThanStored(writer, origin, entry))
                {
                    writer.Delete(entry.CollectionId, entry.Key);
                    writer.PutTombstone(entry.CollectionId, entry.Key, entry.Stamp, origin);
                }
                break;
            case ReplicatedOp.Truncate:
                Truncate(writer, entry.CollectionId, entry.Stamp, origin);
                break;
        }
    }

    /// <summary>
    /// A truncate is a version too: it removes what is older than it and is remembered, so a write older than it
    /// that arrives later is dropped while a newer one (made concurrently elsewhere) survives. Every region then
    /// keeps the same documents whatever order the truncate and the concurrent writes arrive in.
    /// </summary>
    public static void Truncate(RegionWriter writer, long collectionId, long stamp, string origin)
    {
        if (writer.GetTruncation(collectionId) is { } newest && !Versions.IsNewer(stamp, origin, newest.Stamp, newest.Origin))
        {
            return; // A newer truncate already removed all this one would.
        }
        writer.TruncateOlderThan(collectionId, stamp, origin);
    }

    private static bool IsNewerThanStored(RegionWriter writer, string origin, LogEntry entry)
    {
        if (writer.GetTruncation(entry.CollectionId) is { } cut && !Versions.IsNewer(entry.Stamp, origin, cut.Stamp, cut.Origin))
        {
            return false;
        }
        var current = writer.Get(entry.CollectionId, entry.Key);
        if (current is not null)
        {
            return Versions.IsNewer(entry.Stamp, origin, current.Stamp, current.Origin);
        }
        var tombstone = writer.GetTombstone(entry.CollectionId, entry.Key);
        return tombstone is not { } t || Versions.IsNewer(entry.Stamp, origin, t.Stamp, t.Origin);
    }
}
