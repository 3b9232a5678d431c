namespace PSC8.Server.Storage;

/// <summary>A document as stored: its JSON (with _id, _key, _rev) and the stamp that orders its versions.</summary>
internal sealed record StoredDocument(string Key, byte[] Body, long Stamp, string Origin);

/// <summary>What a replication log entry does to the target's copy of the document.</summary>
internal enum ReplicatedOp : byte
{
    Put = 1,
    Delete = 2,
    Truncate = 3,
}

/// <summary>One committed write of a global collection, shipped to the fabric's other regions in order.</summary>
internal sealed record LogEntry(long Seq, long CommittedAtMs, string Fabric, long CollectionId, string Key, ReplicatedOp Op, long Stamp, byte[]? Body);
