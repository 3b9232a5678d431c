namespace PSC8.Server.Storage;

/// <summary>Opens SQLite connections with the settings every C8 Local database uses.</summary>
internal static class SqliteFiles
{
    /// <param name="durable">
    /// WAL with synchronous=NORMAL survives a killed process (the WAL is in the OS's hands once a commit returns);
    /// ephemeral (in-memory mode) databases skip even that.
    /// </param>
    public static SqliteConnection Open(string path, bool durable, bool readOnly = false)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        IndexKey.Register(connection);
        // A small page cache: reads of committed pages go through the memory map anyway. When a leaf of a WITHOUT
        // ROWID table splits, SQLite renumbers pages through the lock-byte page's number (page 262,145 at 4 KB), which
        // leaves that number as the cache's highest, so every commit scans the whole cache for pages past the end of
        // the file: at 16 MB that scan was 4% of C8 Local's CPU in a bulk insert, at 2 MB it is 0.2%.
        Execute(connection, $"""
            PRAGMA busy_timeout = 10000;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -2048;
            PRAGMA mmap_size = 268435456;
            """);
        if (!readOnly)
        {
            Execute(connection, $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {(durable ? "NORMAL" : "OFF")};
                PRAGMA wal_autocheckpoint = 4000;
                """);
        }
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        command.Prepare();
        return command;
    }
}
