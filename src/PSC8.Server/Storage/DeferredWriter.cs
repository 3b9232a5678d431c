namespace PSC8.Server.Storage;

/// <summary>
/// A write transaction that runs without the region's write lock: it reads one snapshot, sees its own writes, and
/// keeps them until <see cref="ApplyTo"/> replays them on the region's writer in one short write transaction. A
/// modifying C8QL query runs on it, so however long the query takes (SLEEP, a long evaluation), it holds SQLite's
/// single writer only for as long as its writes take to apply: other fabrics and other collections write meanwhile.
/// Before applying, every document it wrote must still be the version it read; a concurrent write to one of them
/// (replication, which does not wait for collection locks) fails the query with 409/1200 and nothing is applied.
/// </summary>
internal sealed class DeferredWriter(SqliteConnection snapshot) : RegionReader(snapshot), IDocumentWriter
{
    /// <summary>SQLite's primary result code for a constraint, here a unique index.</summary>
    private const int UniqueConstraintFailed = 19;

    private readonly Dictionary<(long Collection, string Key), StoredDocument?> _overlay = new();
    private readonly Dictionary<(long Collection, string Key), long?> _readVersions = new();
    private readonly Dictionary<long, long> _countChanges = new();
    private readonly Dictionary<long, long> _keyCounters = new();
    private readonly List<Action<RegionWriter>> _writes = new();

    public override StoredDocument? Get(long collectionId, string key) =>
        _overlay.TryGetValue((collectionId, key), out var written) ? written : base.Get(collectionId, key);

    public override long Count(long collectionId) => base.Count(collectionId) + _countChanges.GetValueOrDefault(collectionId);

    /// <summary>
    /// The snapshot's documents as this transaction changed them, in key order, with the documents it added before the
    /// scan began (the keys are fixed when it begins, as the writer's scan fixes them, so a query inserting into what it
    /// iterates still ends). Keys are ASCII, so ordinal order is SQLite's.
    /// </summary>
    public override IEnumerable<StoredDocument> Scan(long collectionId)
    {
        var added = _overlay
            .Where(e => e.Key.Collection == collectionId && e.Value is not null && _readVersions.GetValueOrDefault(e.Key) is null)
            .Select(e => e.Value!).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var next = 0;
        foreach (var stored in base.Scan(collectionId))
        {
            while (next < added.Count && string.CompareOrdinal(added[next].Key, stored.Key) < 0)
            {
                yield return Current(added[next++]);
            }
            if (!_overlay.TryGetValue((collectionId, stored.Key), out var written))
            {
                yield return stored;
            }
            else if (written is not null)
            {
                yield return written;
            }
        }
        while (next < added.Count)
        {
            yield return Current(added[next++]);
        }

        StoredDocument Current(StoredDocument document) => _overlay.GetValueOrDefault((collectionId, document.Key)) ?? document;
    }

    /// <summary>Its index scans are the snapshot's, as this transaction changed them: not the entries alone.</summary>
    public override bool ReadsIndexAlone => false;

    /// <summary>What the snapshot's index finds, as this transaction changed it (as the writer's index scan, keys fixed first).</summary>
    public override IEnumerable<StoredDocument> IndexScan(IndexInfo index, long collectionId, KeyRange range, bool descending = false, int sortedFields = 0)
    {
        foreach (var stored in base.IndexScan(index, collectionId, range, descending, sortedFields))
        {
            if (!_overlay.TryGetValue((collectionId, stored.Key), out var written))
            {
                yield return stored;
            }
            else if (written is not null)
            {
                yield return written;
            }
        }
    }

    public override IEnumerable<string> PendingKeys(long collectionId) =>
        _overlay.Keys.Where(k => k.Collection == collectionId).Select(k => k.Key);

    public override IEnumerable<T> ScanBodies<T>(long collectionId, BodyDecoder<T> decode)
    {
        if (!_overlay.Keys.Any(k => k.Collection == collectionId))
        {
            return base.ScanBodies(collectionId, decode);
        }
        return Scan(collectionId).Select(document => decode(document.Body));
    }

    public void Put(long collectionId, string key, long stamp, string origin, byte[] body)
    {
        var existed = Remember(collectionId, key);
        _overlay[(collectionId, key)] = new StoredDocument(key, body, stamp, origin);
        if (!existed)
        {
            ChangeCount(collectionId, 1);
        }
        _writes.Add(w => w.Put(collectionId, key, stamp, origin, body));
    }

    public bool PutNew(long collectionId, string key, long stamp, string origin, byte[] body)
    {
        if (Get(collectionId, key) is not null)
        {
            return false;
        }
        Remember(collectionId, key);
        _overlay[(collectionId, key)] = new StoredDocument(key, body, stamp, origin);
        ChangeCount(collectionId, 1);
        _writes.Add(w =>
        {
            if (!w.PutNew(collectionId, key, stamp, origin, body))
            {
                throw ConcurrentWrite(key);
            }
        });
        return true;
    }

    public bool Delete(long collectionId, string key)
    {
        if (!Remember(collectionId, key))
        {
            return false;
        }
        _overlay[(collectionId, key)] = null;
        ChangeCount(collectionId, -1);
        _writes.Add(w => w.Delete(collectionId, key));
        return true;
    }

    public void PutTombstone(long collectionId, string key, long stamp, string origin) =>
        _writes.Add(w => w.PutTombstone(collectionId, key, stamp, origin));

    public void DeleteTombstone(long collectionId, string key) => _writes.Add(w => w.DeleteTombstone(collectionId, key));

    public void AppendLog(string fabric, long collectionId, string key, ReplicatedOp op, long stamp, byte[]? body) =>
        _writes.Add(w => w.AppendLog(fabric, collectionId, key, op, stamp, body));

    public long NextKeyValue(long collectionId, long start, long step)
    {
        var next = _keyCounters.TryGetValue(collectionId, out var last) ? last + step
            : StoredKeyValue(collectionId) is { } stored ? stored + step
            : start;
        _keyCounters[collectionId] = next;
        return next;
    }

    public void RaiseKeyValue(long collectionId, long value)
    {
        var current = _keyCounters.TryGetValue(collectionId, out var last) ? last : StoredKeyValue(collectionId) ?? 0;
        _keyCounters[collectionId] = Math.Max(current, value);
    }

    /// <summary>Nothing to defer: this transaction's writes reach the indexes only when they are applied.</summary>
    public void DeferEntries(long collectionId, IReadOnlyList<IndexInfo> indexes)
    {
    }

    /// <summary>Checks that nobody wrote the same documents meanwhile, then applies the writes in order.</summary>
    public void ApplyTo(RegionWriter writer)
    {
        foreach (var ((collectionId, key), version) in _readVersions)
        {
            if (writer.Get(collectionId, key)?.Stamp != version)
            {
                throw ConcurrentWrite(key);
            }
        }
        try
        {
            foreach (var write in _writes)
            {
                write(writer);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == UniqueConstraintFailed)
        {
            throw new C8Exception(409, C8Errors.UniqueConstraintViolated, "unique constraint violated - a unique index refused a document the query wrote; nothing was changed");
        }
        foreach (var (collectionId, last) in _keyCounters)
        {
            writer.RaiseKeyValue(collectionId, last);
        }
    }

    /// <summary>Notes the version this transaction saw before it first writes a document; true when the document exists now.</summary>
    private bool Remember(long collectionId, string key)
    {
        var current = Get(collectionId, key);
        if (!_overlay.ContainsKey((collectionId, key)))
        {
            _readVersions.TryAdd((collectionId, key), current?.Stamp);
        }
        return current is not null;
    }

    private void ChangeCount(long collectionId, long change) =>
        _countChanges[collectionId] = _countChanges.GetValueOrDefault(collectionId) + change;

    private static C8Exception ConcurrentWrite(string key) =>
        new(409, C8Errors.Conflict, $"conflict: document '{key}' was written by another writer while the query ran; nothing was changed, retry the query");
}
