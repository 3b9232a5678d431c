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
        // A modest page cache: reads go through the memory map anyway, and SQLite walks the writer's cache after
        // every commit, so 64 MB made each bulk-inserted document about 0.8 µs slower than 16 MB does.
        Execute(connection, $"""
            PRAGMA busy_timeout = 10000;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -16384;
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
