using Microsoft.Data.Sqlite;

namespace PSC8.Server.Storage;

/// <summary>Read access to a region's documents on one connection; inside a transaction it reads one snapshot.</summary>
public class RegionReader : IDisposable
{
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _scan;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand _keys;

    internal RegionReader(SqliteConnection connection)
    {
        Connection = connection;
        _get = SqliteFiles.Prepare(connection, "SELECT body, stamp, origin FROM docs WHERE cid = $c AND key = $k", "$c", "$k");
        _scan = SqliteFiles.Prepare(connection, "SELECT key, body, stamp, origin FROM docs WHERE cid = $c ORDER BY key", "$c");
        _count = SqliteFiles.Prepare(connection, "SELECT COUNT(*) FROM docs WHERE cid = $c", "$c");
        _keys = SqliteFiles.Prepare(connection, "SELECT key FROM docs WHERE cid = $c ORDER BY key", "$c");
    }

    internal SqliteConnection Connection { get; }

    public StoredDocument? Get(long collectionId, string key)
    {
        _get.Parameters[0].Value = collectionId;
        _get.Parameters[1].Value = key;
        using var reader = _get.ExecuteReader();
        return reader.Read()
            ? new StoredDocument(key, (byte[])reader.GetValue(0), reader.GetInt64(1), reader.GetString(2))
            : null;
    }

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

    public long Count(long collectionId)
    {
        _count.Parameters[0].Value = collectionId;
        return (long)_count.ExecuteScalar()!;
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
        _scan.Dispose();
        _count.Dispose();
        _keys.Dispose();
    }
}
