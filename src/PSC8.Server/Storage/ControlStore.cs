namespace PSC8.Server.Storage;

/// <summary>
/// The cluster's metadata (fabrics, collections, users, keys, grants, query workers, settings) as JSON
/// records in one SQLite database. Metadata is global in GDN, so it is kept once and written synchronously;
/// the in-memory catalog is loaded from here at start and written through on every change.
/// </summary>
internal sealed class ControlStore : IDisposable
{
    private readonly object _lock = new();
    private readonly SqliteConnection _connection;

    public ControlStore(string path, bool durable)
    {
        _connection = SqliteFiles.Open(path, durable);
        SqliteFiles.Execute(_connection, """
            CREATE TABLE IF NOT EXISTS meta (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
    }

    public List<(string Id, string Body)> Load(string kind)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, body FROM meta WHERE kind = $k ORDER BY id";
            command.Parameters.AddWithValue("$k", kind);
            var rows = new List<(string, string)>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
            return rows;
        }
    }

    /// <summary>Applies a group of puts (body) and deletes (null body) atomically.</summary>
    public void Apply(IEnumerable<(string Kind, string Id, string? Body)> changes)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var (kind, id, body) in changes)
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                if (body is null)
                {
                    command.CommandText = "DELETE FROM meta WHERE kind = $k AND id = $i";
                }
                else
                {
                    command.CommandText = "INSERT OR REPLACE INTO meta (kind, id, body) VALUES ($k, $i, $b)";
                    command.Parameters.AddWithValue("$b", body);
                }
                command.Parameters.AddWithValue("$k", kind);
                command.Parameters.AddWithValue("$i", id);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public void Put(string kind, string id, string body) => Apply([(kind, id, body)]);

    public void Delete(string kind, string id) => Apply([(kind, id, null)]);

    /// <summary>A durable counter for ids that must never repeat (collection ids).</summary>
    public long Next(string counter)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO counters (name, value) VALUES ($n, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value";
            command.Parameters.AddWithValue("$n", counter);
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }
}
