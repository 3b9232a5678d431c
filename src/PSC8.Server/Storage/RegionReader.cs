namespace PSC8.Server.Storage;

/// <summary>Turns a stored body into a value while SQLite still owns the bytes.</summary>
internal delegate T BodyDecoder<out T>(ReadOnlySpan<byte> body);

/// <summary>Read access to a region's documents on one connection; inside a transaction it reads one snapshot.</summary>
internal class RegionReader : IDisposable
{
    private readonly RawStatement _get;
    private readonly RawStatement _begin;
    private readonly RawStatement _commit;
    private readonly SqliteCommand _scan;
    private readonly SqliteCommand _keys;

    internal RegionReader(SqliteConnection connection)
    {
        Connection = connection;
        _get = new RawStatement(connection, "SELECT body, stamp, origin FROM docs WHERE cid = ?1 AND key = ?2");
        // Prepared once: every read request opens and ends a transaction, and a command would parse its text each time.
        _begin = new RawStatement(connection, "BEGIN");
        _commit = new RawStatement(connection, "COMMIT");
        _scan = SqliteFiles.Prepare(connection, "SELECT key, body, stamp, origin FROM docs WHERE cid = $c ORDER BY key", "$c");
        _keys = SqliteFiles.Prepare(connection, "SELECT key FROM docs WHERE cid = $c ORDER BY key", "$c");
    }

    internal SqliteConnection Connection { get; }

    /// <summary>Starts the transaction whose snapshot the reads see until <see cref="EndTransaction"/>.</summary>
    internal void BeginTransaction() => _begin.Execute();

    internal void EndTransaction() => _commit.Execute();

    public virtual StoredDocument? Get(long collectionId, string key) =>
        _get.Bind(1, collectionId).Bind(2, key).QueryFirst(row => new StoredDocument(key, row.Blob(0).ToArray(), row.Int64(1), row.Text(2)));

    /// <summary>Streams a collection in key order; the reader stays open while the caller enumerates.</summary>
    public virtual IEnumerable<StoredDocument> Scan(long collectionId)
    {
        using var command = _scan.Connection!.CreateCommand();
        command.CommandText = _scan.CommandText;
        command.Parameters.AddWithValue("$c", collectionId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredDocument(reader.GetString(0), (byte[])reader.GetValue(1), reader.GetInt64(2), reader.GetString(3));
        }
    }

    /// <summary>
    /// The documents of a collection in key order, each body decoded straight from SQLite's memory: a query scan
    /// needs nothing but the body, and reading it without copying, and without the other columns, is what keeps
    /// a scan close to SQLite's own speed. Streams like <see cref="Scan"/>.
    /// </summary>
    public virtual IEnumerable<T> ScanBodies<T>(long collectionId, BodyDecoder<T> decode)
    {
        using var statement = new RawStatement(Connection, "SELECT body FROM docs WHERE cid = ?1 ORDER BY key");
        statement.Bind(1, collectionId);
        while (statement.Next())
        {
            yield return decode(statement.Blob(0));
        }
    }

    /// <summary>The documents an index finds in a range, in index order (see <see cref="IndexSql.Scan"/>); streams like <see cref="Scan"/>.</summary>
    public virtual IEnumerable<StoredDocument> IndexScan(IndexInfo index, long collectionId, KeyRange range, bool descending = false, int sortedFields = 0)
    {
        using var statement = Ranged(IndexSql.Scan(index, collectionId, range, descending, sortedFields), range);
        while (statement.Next())
        {
            yield return new StoredDocument(statement.Text(0), statement.Blob(1).ToArray(), 0, "");
        }
    }

    /// <summary>
    /// Whether <see cref="IndexEntries"/> sees what <see cref="IndexScan"/> sees: not where a transaction's own writes
    /// are laid over the stored documents, or its scans fix their keys first.
    /// </summary>
    public virtual bool ReadsIndexAlone => true;

    /// <summary>What <see cref="IndexScan"/> finds in a persistent index, as each document's key and its index keys, read from the entries alone.</summary>
    public IEnumerable<(string Key, byte[][] Keys)> IndexEntries(IndexInfo index, long collectionId, KeyRange range, bool descending = false, int sortedFields = 0)
    {
        using var statement = Ranged(IndexSql.Scan(index, collectionId, range, descending, sortedFields, keysOnly: true), range);
        while (statement.Next())
        {
            var keys = new byte[index.Fields.Count][];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = statement.Blob(i + 1).ToArray();
            }
            yield return (statement.Text(0), keys);
        }
    }

    private RawStatement Ranged(string sql, KeyRange range)
    {
        var statement = new RawStatement(Connection, sql);
        if (range.Low is not null)
        {
            statement.Bind(1, range.Low);
        }
        if (range.High is not null)
        {
            statement.Bind(2, range.High);
        }
        for (var i = 0; i < range.Prefix.Count; i++)
        {
            statement.Bind(IndexSql.PrefixParameter + i, range.Prefix[i]);
        }
        return statement;
    }

    /// <summary>
    /// The keys of the documents whose terms in a fulltext or array index include <paramref name="term"/>, or with
    /// <paramref name="prefix"/> a term that starts with it; in key order unless <paramref name="prefix"/>.
    /// </summary>
    public List<string> TermKeys(IndexInfo index, string term, bool prefix)
    {
        using var statement = new RawStatement(Connection, prefix ? TermIndexSql.TermRange : TermIndexSql.Term);
        statement.Bind(1, index.Id).Bind(2, term);
        if (prefix)
        {
            statement.Bind(3, TermIndexSql.PrefixEnd(term));
        }
        var keys = new List<string>();
        while (statement.Next())
        {
            keys.Add(statement.Text(0));
        }
        return keys;
    }

    /// <summary>
    /// The keys of the collection's documents this transaction wrote that its term indexes do not show yet (none
    /// here: the terms table is written with the documents).
    /// </summary>
    public virtual IEnumerable<string> PendingKeys(long collectionId) => [];

    /// <summary>Up to <paramref name="limit"/> keys of documents a TTL index says expired at <paramref name="nowSeconds"/>.</summary>
    public List<string> ExpiredKeys(IndexInfo index, long collectionId, double nowSeconds, int limit)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = IndexSql.Expired(index, collectionId);
        command.Parameters.AddWithValue("?1", nowSeconds - (index.ExpireAfter ?? 0));
        command.Parameters.AddWithValue("?2", limit);
        var keys = new List<string>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            keys.Add(rows.GetString(0));
        }
        return keys;
    }

    /// <summary>
    /// Prepared on each call: a kept statement is re-prepared by SQLite after an index appears, with the collection id
    /// then bound, and the plan it chose (counting through the index partial on that collection) answered 0 for every
    /// other collection.
    /// </summary>
    public virtual long Count(long collectionId)
    {
        using var count = new RawStatement(Connection, "SELECT COUNT(*) FROM docs WHERE cid = ?1");
        return count.Bind(1, collectionId).QueryFirst(row => row.Int64(0));
    }

    /// <summary>The collection's stored key-generator value, if it has one.</summary>
    public long? StoredKeyValue(long collectionId)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT last FROM keygen WHERE cid = $c";
        command.Parameters.AddWithValue("$c", collectionId);
        return command.ExecuteScalar() is long last ? last : null;
    }

    protected List<string> Keys(long collectionId)
    {
        _keys.Parameters[0].Value = collectionId;
        var keys = new List<string>();
        using var reader = _keys.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    public virtual void Dispose()
    {
        _get.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _scan.Dispose();
        _keys.Dispose();
    }
}
