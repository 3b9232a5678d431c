namespace PSC8.Server.Storage;

/// <summary>
/// One region's replica: a SQLite database in WAL mode. Writes are serialised through one connection
/// (SQLite has one writer anyway); reads use pooled connections, each transaction a consistent snapshot.
/// </summary>
internal sealed class RegionStore : IDisposable
{
    // deferred holds rows only inside a write transaction (see RegionWriter.DeferEntries): never committed.
    // replog.seq is AUTOINCREMENT: pruning may empty the log, and a plain rowid would then restart at 1, below the
    // positions the other regions already applied, so later writes would never be shipped.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS docs (cid INTEGER NOT NULL, key TEXT NOT NULL, stamp INTEGER NOT NULL,
            origin TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (cid, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tombs (cid INTEGER NOT NULL, key TEXT NOT NULL, stamp INTEGER NOT NULL,
            origin TEXT NOT NULL, PRIMARY KEY (cid, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS replog (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, fabric TEXT NOT NULL,
            cid INTEGER NOT NULL, key TEXT NOT NULL, op INTEGER NOT NULL, stamp INTEGER NOT NULL, body BLOB);
        CREATE TABLE IF NOT EXISTS applied (origin TEXT PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS keygen (cid INTEGER PRIMARY KEY, last INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS truncs (cid INTEGER PRIMARY KEY, stamp INTEGER NOT NULL, origin TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS terms (ix INTEGER NOT NULL, term TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (ix, term, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS deferred (cid INTEGER PRIMARY KEY);
        """;

    private readonly object _writeLock = new();
    private readonly string _path;
    private readonly bool _durable;
    private readonly SqliteConnection _writerConnection;
    private readonly RegionWriter _writer;
    private readonly ConcurrentBag<RegionReader> _readers = new();
    private int _disposed;

    public RegionStore(string region, string path, bool durable)
    {
        Region = region;
        _path = path;
        _durable = durable;
        _writerConnection = SqliteFiles.Open(path, durable);
        SqliteFiles.Execute(_writerConnection, Schema);
        _writer = new RegionWriter(_writerConnection);
    }

    public string Region { get; }

    /// <summary>Raised after a commit that appended to the replication log.</summary>
    public event Action? LogAppended;

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction: all of it commits, or none of it does
    /// (an exception rolls back and propagates).
    /// </summary>
    public T Write<T>(Func<RegionWriter, T> work)
    {
        bool logged;
        T result;
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            SqliteFiles.Execute(_writerConnection, "BEGIN IMMEDIATE");
            _writer.Logged = false;
            try
            {
                result = work(_writer);
                _writer.BeforeCommit();
                SqliteFiles.Execute(_writerConnection, "COMMIT");
            }
            catch
            {
                _writer.AfterRollback();
                SqliteFiles.Execute(_writerConnection, "ROLLBACK");
                throw;
            }
            logged = _writer.Logged;
        }
        if (logged)
        {
            LogAppended?.Invoke();
        }
        return result;
    }

    public T Read<T>(Func<RegionReader, T> work)
    {
        using var session = OpenReadSession();
        return work(session.Reader);
    }

    /// <summary>
    /// A read transaction that stays open until disposed: a streaming cursor keeps reading the snapshot it
    /// started with while writers go on.
    /// </summary>
    public ReadSession OpenReadSession()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_readers.TryTake(out var reader))
        {
            reader = new RegionReader(SqliteFiles.Open(_path, _durable, readOnly: true));
        }
        reader.BeginTransaction();
        return new ReadSession(this, reader);
    }

    /// <summary>Log entries after <paramref name="afterSeq"/>, oldest first.</summary>
    public List<LogEntry> ReadLog(long afterSeq, int limit) => Read(reader =>
    {
        using var command = reader.Connection.CreateCommand();
        command.CommandText = "SELECT seq, at, fabric, cid, key, op, stamp, body FROM replog WHERE seq > $s ORDER BY seq LIMIT $l";
        command.Parameters.AddWithValue("$s", afterSeq);
        command.Parameters.AddWithValue("$l", limit);
        var entries = new List<LogEntry>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            entries.Add(new LogEntry(rows.GetInt64(0), rows.GetInt64(1), rows.GetString(2), rows.GetInt64(3), rows.GetString(4),
                (ReplicatedOp)rows.GetInt32(5), rows.GetInt64(6), rows.IsDBNull(7) ? null : (byte[])rows.GetValue(7)));
        }
        return entries;
    });

    public long LastLogSeq() => Read(reader => Scalar(reader.Connection, "SELECT COALESCE(MAX(seq), 0) FROM replog"));

    /// <summary>How far this region has applied each origin's log.</summary>
    public Dictionary<string, long> AppliedPositions() => Read(reader =>
    {
        using var command = reader.Connection.CreateCommand();
        command.CommandText = "SELECT origin, seq FROM applied";
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            positions[rows.GetString(0)] = rows.GetInt64(1);
        }
        return positions;
    });

    /// <summary>The highest stamp stored, so the region's clock never goes back after a restart.</summary>
    public long MaxStamp() => Read(reader => Scalar(reader.Connection,
        "SELECT MAX(COALESCE((SELECT MAX(stamp) FROM docs), 0), COALESCE((SELECT MAX(stamp) FROM tombs), 0), COALESCE((SELECT MAX(stamp) FROM replog), 0))"));

    /// <summary>Builds the region's copy of an index (nothing when it has one): it commits whole or not at all.</summary>
    public void CreateIndex(IndexInfo index, long collectionId) => Write(writer =>
    {
        if (index.HasTerms)
        {
            if (Scalar(writer.Connection, TermIndexSql.Exists(index)) == 0)
            {
                SqliteFiles.Execute(writer.Connection, TermIndexSql.Create(index, collectionId));
            }
            return 0;
        }
        var built = index.IsPersistent && Scalar(writer.Connection, IndexSql.Exists(index)) != 0;
        SqliteFiles.Execute(writer.Connection, IndexSql.Create(index, collectionId));
        if (index.IsPersistent && !built)
        {
            SqliteFiles.Execute(writer.Connection, IndexSql.Fill(index, collectionId));
        }
        return 0;
    });

    public void DropIndex(IndexInfo index) => Write(writer =>
    {
        SqliteFiles.Execute(writer.Connection, index.HasTerms ? TermIndexSql.Drop(index.Id) : IndexSql.Drop(index));
        return 0;
    });

    /// <summary>Drops log entries every other region has applied.</summary>
    public void PruneLog(long upToSeq) => Write(writer =>
    {
        SqliteFiles.Execute(writer.Connection, $"DELETE FROM replog WHERE seq <= {upToSeq}");
        return 0;
    });

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal void Return(RegionReader reader)
    {
        try
        {
            reader.EndTransaction();
        }
        catch (SqliteException)
        {
            // A session whose statement was abandoned mid-read may have nothing to commit; the connection stays usable.
        }
        if (_disposed != 0)
        {
            reader.Dispose();
            reader.Connection.Dispose();
            return;
        }
        _readers.Add(reader);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        lock (_writeLock)
        {
            _writer.Dispose();
            _writerConnection.Dispose();
        }
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
            reader.Connection.Dispose();
        }
    }

    /// <summary>An open read transaction; disposing it returns the connection to the pool.</summary>
    public sealed class ReadSession : IDisposable
    {
        private readonly RegionStore _store;
        private int _closed;

        internal ReadSession(RegionStore store, RegionReader reader)
        {
            _store = store;
            Reader = reader;
        }

        public RegionReader Reader { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                _store.Return(Reader);
            }
        }
    }
}
