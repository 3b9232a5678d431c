using PSC8.Server.Storage;

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
                writer.Clear(entry.CollectionId, resetKeys: false);
                break;
        }
    }

    private static bool IsNewerThanStored(RegionWriter writer, string origin, LogEntry entry)
    {
        var current = writer.Get(entry.CollectionId, entry.Key);
        if (current is not null)
        {
            return Versions.IsNewer(entry.Stamp, origin, current.Stamp, current.Origin);
        }
        var tombstone = writer.GetTombstone(entry.CollectionId, entry.Key);
        return tombstone is not { } t || Versions.IsNewer(entry.Stamp, origin, t.Stamp, t.Origin);
    }
}
