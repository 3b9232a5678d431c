namespace PSC8.Server.Storage;

/// <summary>
/// The region's single writing connection. Used only inside <see cref="RegionStore.Write{T}"/>, so every
/// method runs in the current transaction and reads its own writes.
/// </summary>
internal sealed class RegionWriter : RegionReader, IDocumentWriter
{
    // The statements each written document runs are raw ones (see RawStatement).
    private readonly RawStatement _put;
    private readonly RawStatement _delete;
    private readonly RawStatement _deleteTomb;
    private readonly RawStatement _log;
    private readonly RawStatement _raiseKey;
    private readonly SqliteCommand _getTomb;
    private readonly SqliteCommand _putTomb;
    private readonly RawStatement _readKey;
    private readonly RawStatement _saveKey;
    private readonly RawStatement _putNew;
    private readonly RawStatement _anyTombstone;
    private readonly SqliteCommand _setApplied;
    private readonly SqliteCommand _getTruncation;
    private readonly SqliteCommand _truncate;
    private readonly RawStatement _deferring;
    private readonly RawStatement _notDeferring;

    internal RegionWriter(SqliteConnection connection)
        : base(connection)
    {
        _put = new RawStatement(connection,
            "INSERT INTO docs (cid, key, stamp, origin, body) VALUES (?1, ?2, ?3, ?4, ?5) " +
            "ON CONFLICT (cid, key) DO UPDATE SET stamp = excluded.stamp, origin = excluded.origin, body = excluded.body");
        _delete = new RawStatement(connection, "DELETE FROM docs WHERE cid = ?1 AND key = ?2");
        _getTomb = SqliteFiles.Prepare(connection, "SELECT stamp, origin FROM tombs WHERE cid = $c AND key = $k", "$c", "$k");
        _putTomb = SqliteFiles.Prepare(connection,
            "INSERT OR REPLACE INTO tombs (cid, key, stamp, origin) VALUES ($c, $k, $s, $o)", "$c", "$k", "$s", "$o");
        _deleteTomb = new RawStatement(connection, "DELETE FROM tombs WHERE cid = ?1 AND key = ?2");
        _log = new RawStatement(connection, "INSERT INTO replog (at, fabric, cid, key, op, stamp, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        _raiseKey = new RawStatement(connection,
            "INSERT INTO keygen (cid, last) VALUES (?1, ?2) ON CONFLICT (cid) DO UPDATE SET last = MAX(last, excluded.last)");
        _readKey = new RawStatement(connection, "SELECT last FROM keygen WHERE cid = ?1");
        _saveKey = new RawStatement(connection, "INSERT INTO keygen (cid, last) VALUES (?1, ?2) ON CONFLICT (cid) DO UPDATE SET last = excluded.last");
        _putNew = new RawStatement(connection,
            "INSERT INTO docs (cid, key, stamp, origin, body) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (cid, key) DO NOTHING");
        _anyTombstone = new RawStatement(connection, "SELECT EXISTS (SELECT 1 FROM tombs WHERE cid = ?1)");
        _setApplied = SqliteFiles.Prepare(connection,
            "INSERT OR REPLACE INTO applied (origin, seq) VALUES ($o, $s)", "$o", "$s");
        _getTruncation = SqliteFiles.Prepare(connection, "SELECT stamp, origin FROM truncs WHERE cid = $c", "$c");
        // Older = smaller stamp, ties broken by origin (as Versions.IsNewer does; region names are ASCII).
        _truncate = SqliteFiles.Prepare(connection,
            "DELETE FROM docs WHERE cid = $c AND (stamp < $s OR (stamp = $s AND origin < $o)); " +
            "DELETE FROM tombs WHERE cid = $c AND (stamp < $s OR (stamp = $s AND origin < $o)); " +
            "INSERT OR REPLACE INTO truncs (cid, stamp, origin) VALUES ($c, $s, $o)",
            "$c", "$s", "$o");
        _deferring = new RawStatement(connection, IndexSql.StartDeferring);
        _notDeferring = new RawStatement(connection, IndexSql.StopDeferring);
    }

    // What the current transaction keeps in memory until the store calls BeforeCommit or AfterRollback: the key
    // counters it advanced, whether each collection it wrote has tombstones at all, and the index entries it defers.
    private readonly Dictionary<long, long> _keyCounters = new();
    private readonly Dictionary<long, bool> _hasTombstones = new();
    private readonly Dictionary<long, DeferredEntries> _deferred = new();
    private readonly Dictionary<long, AskedToDefer> _mayDefer = new();

    /// <summary>Set by the store when a transaction appended to the replication log, so shipping can be woken.</summary>
    internal bool Logged { get; set; }

    /// <summary>
    /// Inside a write transaction a scan must not see documents the same transaction adds while it runs
    /// (a query inserting into the collection it iterates would never end), so the keys are fixed first.
    /// </summary>
    public override IEnumerable<StoredDocument> Scan(long collectionId)
    {
        foreach (var key in Keys(collectionId))
        {
            var document = Get(collectionId, key);
            if (document is not null)
            {
                yield return document;
            }
        }
    }

    /// <inheritdoc cref="Scan"/>
    public override IEnumerable<T> ScanBodies<T>(long collectionId, BodyDecoder<T> decode) =>
        Scan(collectionId).Select(document => decode(document.Body));

    /// <summary>Its index scans fix the keys first (see <see cref="Scan"/>): they are not read from the entries alone.</summary>
    public override bool ReadsIndexAlone => false;

    /// <inheritdoc cref="Scan"/>
    public override IEnumerable<StoredDocument> IndexScan(IndexInfo index, long collectionId, KeyRange range, bool descending = false, int sortedFields = 0)
    {
        AddDeferredEntries();
        foreach (var key in base.IndexScan(index, collectionId, range, descending, sortedFields).Select(document => document.Key).ToList())
        {
            var document = Get(collectionId, key);
            if (document is not null)
            {
                yield return document;
            }
        }
    }

    public void Put(long collectionId, string key, long stamp, string origin, byte[] body)
    {
        var deferred = BeforeWrite(collectionId);
        _put.Bind(1, collectionId).Bind(2, key).Bind(3, stamp).Bind(4, origin).Bind(5, body).Execute();
        deferred?.Written(key, body);
    }

    /// <summary>Stores a document under a key no document has; false, and nothing stored, when the key is taken.</summary>
    public bool PutNew(long collectionId, string key, long stamp, string origin, byte[] body)
    {
        var deferred = BeforeWrite(collectionId);
        if (_putNew.Bind(1, collectionId).Bind(2, key).Bind(3, stamp).Bind(4, origin).Bind(5, body).Execute() == 0)
        {
            return false;
        }
        deferred?.Written(key, body);
        return true;
    }

    public bool Delete(long collectionId, string key)
    {
        DeferredOf(collectionId)?.Removed(key);
        return _delete.Bind(1, collectionId).Bind(2, key).Execute() > 0;
    }

    /// <summary>
    /// From the collection's second document written in this transaction until it commits, the entries of the
    /// documents this writer stores go into the indexes (those of <paramref name="indexes"/> whose triggers can defer
    /// them) in key order, just before the commit. Added by the row trigger, each document's entries cost a descent of
    /// every index from its root into a page seldom touched just before (an index on a spread-out value), and SQLite
    /// copied each such page into its statement journal first. A transaction's first document goes through the
    /// triggers all the same: for a transaction of one, deferring (finding the indexes that can, marking the
    /// collection, a statement per index at the end) cost more than it saved. Asked again in the same transaction,
    /// nothing changes.
    /// </summary>
    public void DeferEntries(long collectionId, IReadOnlyList<IndexInfo> indexes)
    {
        if (!_deferred.ContainsKey(collectionId))
        {
            _mayDefer.TryAdd(collectionId, new AskedToDefer(indexes));
        }
    }

    // Before a write: the second one to a collection asked to defer starts deferring; the deferred entries, if any.
    private DeferredEntries? BeforeWrite(long collectionId)
    {
        if (_mayDefer.Count > 0 && _mayDefer.TryGetValue(collectionId, out var asked))
        {
            if (asked.FirstWritten)
            {
                _mayDefer.Remove(collectionId);
                StartDeferring(collectionId, asked.Indexes);
            }
            else
            {
                asked.FirstWritten = true;
            }
        }
        return DeferredOf(collectionId);
    }

    private void StartDeferring(long collectionId, IReadOnlyList<IndexInfo> indexes)
    {
        var deferred = new DeferredEntries(
            indexes.Where(index => index.IsPersistent && !index.HasTerms && !index.Unique && Scalar(IndexSql.Deferrable(index)) != 0).ToList());
        _deferred[collectionId] = deferred;
        if (deferred.Any)
        {
            _deferring.Bind(1, collectionId).Execute();
        }
    }

    private DeferredEntries? DeferredOf(long collectionId) =>
        _deferred.Count > 0 && _deferred.TryGetValue(collectionId, out var deferred) && deferred.Any ? deferred : null;

    /// <summary>A collection asked to defer, whose deferring starts with its second document (see <see cref="DeferEntries"/>).</summary>
    private sealed class AskedToDefer(IReadOnlyList<IndexInfo> indexes)
    {
        public IReadOnlyList<IndexInfo> Indexes { get; } = indexes;

        public bool FirstWritten { get; set; }
    }

    /// <summary>
    /// Adds the deferred entries and ends deferring: before the commit, and before anything that reads or drops the
    /// indexes (this writer reads an index only through <see cref="IndexScan"/>: it never reads the entries alone).
    /// </summary>
    private void AddDeferredEntries()
    {
        foreach (var (collectionId, deferred) in _deferred)
        {
            if (deferred.Any)
            {
                deferred.WriteTo(Connection);
                _notDeferring.Bind(1, collectionId).Execute();
            }
        }
        _deferred.Clear();
        _mayDefer.Clear();
    }

    private long Scalar(string sql)
    {
        using var statement = new RawStatement(Connection, sql);
        return statement.QueryFirst(row => row.Int64(0));
    }

    public (long Stamp, string Origin)? GetTombstone(long collectionId, string key)
    {
        _getTomb.Parameters[0].Value = collectionId;
        _getTomb.Parameters[1].Value = key;
        using var reader = _getTomb.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public void PutTombstone(long collectionId, string key, long stamp, string origin)
    {
        _putTomb.Parameters[0].Value = collectionId;
        _putTomb.Parameters[1].Value = key;
        _putTomb.Parameters[2].Value = stamp;
        _putTomb.Parameters[3].Value = origin;
        _putTomb.ExecuteNonQuery();
        _hasTombstones[collectionId] = true;
    }

    /// <summary>
    /// Removes the key's tombstone, if any. Whether the collection has tombstones at all is asked once per
    /// transaction: every write of a global collection comes here, and most collections have none.
    /// </summary>
    public void DeleteTombstone(long collectionId, string key)
    {
        if (!_hasTombstones.TryGetValue(collectionId, out var any))
        {
            any = _anyTombstone.Bind(1, collectionId).QueryFirst(row => row.Int64(0) != 0);
            _hasTombstones[collectionId] = any;
        }
        if (any)
        {
            _deleteTomb.Bind(1, collectionId).Bind(2, key).Execute();
        }
    }

    public void AppendLog(string fabric, long collectionId, string key, ReplicatedOp op, long stamp, byte[]? body)
    {
        _log.Bind(1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Bind(2, fabric).Bind(3, collectionId).Bind(4, key)
            .Bind(5, (long)op).Bind(6, stamp).Bind(7, body).Execute();
        Logged = true;
    }

    /// <summary>The collection's next key-generator value in this region (start, then start+step, …), durable with the transaction.</summary>
    /// <remarks>
    /// The counter is read once per transaction and written back just before it commits: a bulk insert takes a key
    /// per document, and updating the counter's row each time cost more than storing the document.
    /// </remarks>
    public long NextKeyValue(long collectionId, long start, long step)
    {
        var next = _keyCounters.TryGetValue(collectionId, out var last) ? last + step
            : _readKey.Bind(1, collectionId).QueryFirst(row => (long?)row.Int64(0)) is { } stored ? stored + step
            : start;
        _keyCounters[collectionId] = next;
        return next;
    }

    /// <summary>Raises the key generator to at least <paramref name="value"/> (user-supplied numeric keys with autoincrement).</summary>
    public void RaiseKeyValue(long collectionId, long value)
    {
        SaveKeyCounter(collectionId);
        _raiseKey.Bind(1, collectionId).Bind(2, value).Execute();
    }

    public void SetApplied(string origin, long seq)
    {
        _setApplied.Parameters[0].Value = origin;
        _setApplied.Parameters[1].Value = seq;
        _setApplied.ExecuteNonQuery();
    }

    /// <summary>Removes every document, tombstone and key counter of a collection (drop or truncate).</summary>
    public void Clear(long collectionId, bool resetKeys)
    {
        AddDeferredEntries();
        if (resetKeys)
        {
            // First, so the documents' deletes below keep no index up to date.
            DropIndexes(collectionId);
        }
        SqliteFiles.Execute(Connection, $"DELETE FROM docs WHERE cid = {collectionId}; DELETE FROM tombs WHERE cid = {collectionId};");
        if (resetKeys)
        {
            _keyCounters.Remove(collectionId);
            SqliteFiles.Execute(Connection, $"DELETE FROM keygen WHERE cid = {collectionId}; DELETE FROM truncs WHERE cid = {collectionId};");
        }
    }

    /// <summary>Drops the region's copies of a dropped collection's indexes (each names its collection id).</summary>
    private void DropIndexes(long collectionId)
    {
        foreach (var name in Names($"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND sql LIKE '% WHERE cid = {collectionId}'"))
        {
            SqliteFiles.Execute(Connection, $"DROP INDEX IF EXISTS {name}");
        }
        foreach (var table in Names(IndexSql.EntryTablesOf(collectionId)))
        {
            SqliteFiles.Execute(Connection, IndexSql.DropTable(table));
        }
        foreach (var id in Names(TermIndexSql.IndexesOf(collectionId)))
        {
            SqliteFiles.Execute(Connection, TermIndexSql.Drop(long.Parse(id, CultureInfo.InvariantCulture)));
        }
    }

    private List<string> Names(string sql)
    {
        var names = new List<string>();
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            names.Add(rows.GetString(0));
        }
        return names;
    }

    /// <summary>The newest truncate of a global collection this region has applied, if any.</summary>
    public (long Stamp, string Origin)? GetTruncation(long collectionId)
    {
        _getTruncation.Parameters[0].Value = collectionId;
        using var reader = _getTruncation.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Removes the documents and tombstones older than the version (stamp, origin) and records it as the collection's truncation.</summary>
    public void TruncateOlderThan(long collectionId, long stamp, string origin)
    {
        AddDeferredEntries();
        _truncate.Parameters[0].Value = collectionId;
        _truncate.Parameters[1].Value = stamp;
        _truncate.Parameters[2].Value = origin;
        _truncate.ExecuteNonQuery();
    }

    /// <summary>Writes back what the transaction kept in memory; the store calls it just before COMMIT.</summary>
    internal void BeforeCommit()
    {
        AddDeferredEntries();
        foreach (var collectionId in _keyCounters.Keys.ToList())
        {
            SaveKeyCounter(collectionId);
        }
        _hasTombstones.Clear();
    }

    /// <summary>Forgets what the transaction kept in memory; the store calls it when the transaction rolls back.</summary>
    internal void AfterRollback()
    {
        _deferred.Clear();
        _mayDefer.Clear();
        _keyCounters.Clear();
        _hasTombstones.Clear();
    }

    private void SaveKeyCounter(long collectionId)
    {
        if (_keyCounters.Remove(collectionId, out var last))
        {
            _saveKey.Bind(1, collectionId).Bind(2, last).Execute();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _put.Dispose();
        _delete.Dispose();
        _getTomb.Dispose();
        _putTomb.Dispose();
        _deleteTomb.Dispose();
        _log.Dispose();
        _raiseKey.Dispose();
        _readKey.Dispose();
        _saveKey.Dispose();
        _putNew.Dispose();
        _anyTombstone.Dispose();
        _setApplied.Dispose();
        _getTruncation.Dispose();
        _truncate.Dispose();
        _deferring.Dispose();
        _notDeferring.Dispose();
    }
}
