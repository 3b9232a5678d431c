namespace PSC8.Server.Storage;

/// <summary>
/// The writes a document transaction makes: the region's writer applies them at once; a <see cref="DeferredWriter"/>
/// keeps them until the region's write lock is taken for the short moment it needs to apply them.
/// </summary>
internal interface IDocumentWriter
{
    void Put(long collectionId, string key, long stamp, string origin, byte[] body);

    /// <summary>Stores a document under a key no document has; false, and nothing stored, when the key is taken.</summary>
    bool PutNew(long collectionId, string key, long stamp, string origin, byte[] body);

    bool Delete(long collectionId, string key);

    void PutTombstone(long collectionId, string key, long stamp, string origin);

    void DeleteTombstone(long collectionId, string key);

    void AppendLog(string fabric, long collectionId, string key, ReplicatedOp op, long stamp, byte[]? body);

    long NextKeyValue(long collectionId, long start, long step);

    void RaiseKeyValue(long collectionId, long value);

    /// <summary>Lets the entries of the collection's documents written from now on go into its indexes at the end of the transaction (see <see cref="RegionWriter.DeferEntries"/>).</summary>
    void DeferEntries(long collectionId, IReadOnlyList<IndexInfo> indexes);
}
