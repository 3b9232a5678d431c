using SQLitePCL;

namespace PSC8.Server.Storage;

/// <summary>
/// A prepared SQLite statement driven through SQLitePCL directly, for the statements that run once per document:
/// point reads and the writes of each inserted or changed document. Microsoft.Data.Sqlite's per-execution
/// machinery (statement enumeration, parameter objects, a reader object per call, a copy of every blob) costs
/// more there than SQLite's own work. Parameters are numbered from 1, columns from 0; bind every parameter
/// before each execution.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement), _database);
    }

    public RawStatement Bind(int parameter, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, parameter, value), _database);
        return this;
    }

    public RawStatement Bind(int parameter, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, parameter, value), _database);
        return this;
    }

    /// <summary>Binds the bytes, or NULL for null.</summary>
    public RawStatement Bind(int parameter, byte[]? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, parameter) : raw.sqlite3_bind_blob(_statement, parameter, value), _database);
        return this;
    }

    /// <summary>Runs a statement that returns no rows; returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            if (Step())
            {
                throw new InvalidOperationException("The statement returned rows.");
            }
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs the statement and reads its first row, if any, with <paramref name="read"/>.</summary>
    public T? QueryFirst<T>(Func<RawStatement, T> read)
    {
        try
        {
            return Step() ? read(this) : default;
        }
        finally
        {
            Reset();
        }
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>The column's bytes, owned by SQLite until the next step or reset.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>Steps to the next row; false at the end. For a statement read to its end and then disposed.</summary>
    public bool Next() => Step();

    private bool Step()
    {
        var code = raw.sqlite3_step(_statement);
        if (code == raw.SQLITE_ROW)
        {
            return true;
        }
        if (code != raw.SQLITE_DONE)
        {
            Check(code, _database);
        }
        return false;
    }

    private void Reset() => raw.sqlite3_reset(_statement);

    public static void Check(int code, sqlite3 database)
    {
        if (code != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(code, database);
        }
    }

    public void Dispose() => _statement.Dispose();
}
