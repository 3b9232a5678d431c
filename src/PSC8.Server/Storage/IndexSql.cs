namespace PSC8.Server.Storage;

/// <summary>
/// The SQL of a region's copy of an index. A persistent index is a table of its own entries — each document's keys
/// of the indexed attributes and its document key, in key order — kept by <see cref="DocumentTriggers"/>, so every write (replicated
/// ones, bulk deletes and truncates too) updates it in the write's own transaction with no bookkeeping of ours. Its
/// ranges are read from the entries alone: an expression index on docs would make SQLite look every entry's document
/// up again (a WITHOUT ROWID table cannot defer that seek), which cost more than the rest of an indexed query. Geo and
/// TTL indexes, whose readers need the documents anyway, are expression indexes on docs. In both forms the collection
/// id is a literal, so writes to other collections never compute an index's keys.
/// </summary>
internal static class IndexSql
{
    /// <summary>What builds the copy: for a persistent index the entries table and its triggers (filled separately, see <see cref="Fill"/>).</summary>
    public static string Create(IndexInfo index, long collectionId)
    {
        if (!index.IsPersistent)
        {
            var columns = index.IsTtl ? [Ttl(index)] : new[] { GeoColumn(index) };
            return $"CREATE INDEX IF NOT EXISTS {Name(index)} ON docs (cid, {string.Join(", ", columns)}) WHERE cid = {Id(collectionId)}";
        }
        var table = Table(index);
        var keys = Enumerable.Range(0, index.Fields.Count).Select(i => $"k{i}").ToList();
        // A unique index's keys are its primary key: SQLite refuses a second document with the same values (1210).
        var primary = index.Unique ? keys : [.. keys, "key"];
        // A unique index's entries are added by the write itself, which must fail on a duplicate; the others' can be
        // deferred. Their insert trigger is made anew, so the ones made before deferring existed learn the condition.
        var deferrable = !index.Unique;
        return $"""
            DROP INDEX IF EXISTS ix_{Id(index.Id)};
            CREATE TABLE IF NOT EXISTS {table} ({string.Join(", ", keys.Select(k => k + " BLOB NOT NULL"))}, key TEXT NOT NULL,
                PRIMARY KEY ({string.Join(", ", primary)})) WITHOUT ROWID;
            {(deferrable ? $"DROP TRIGGER IF EXISTS {table}_insert;" : "")}
            {DocumentTriggers.Create(table, collectionId, row => Insert(index, row), row => Delete(index, row), deferrable ? NotDeferred(collectionId) : "")}
            """;
    }

    /// <summary>Whether the index's entries can be deferred: its insert trigger leaves a deferring collection's new documents alone.</summary>
    public static string Deferrable(IndexInfo index) =>
        $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '{Table(index)}_insert' AND sql LIKE '%FROM {DeferredTable} WHERE cid%')";

    /// <summary>Marks a collection as deferring (?1 its id) for the rest of the transaction, or no longer.</summary>
    public const string StartDeferring = $"INSERT OR IGNORE INTO {DeferredTable} (cid) VALUES (?1)";

    /// <inheritdoc cref="StartDeferring"/>
    public const string StopDeferring = $"DELETE FROM {DeferredTable} WHERE cid = ?1";

    /// <summary>Adds <paramref name="rows"/> entries (?1… the first one's keys and document key, then the next one's) unless the index has them already.</summary>
    public static string InsertEntries(IndexInfo index, int rows)
    {
        var columns = index.Fields.Count + 1;
        var values = Enumerable.Range(0, rows).Select(row => "(" + string.Join(", ", Enumerable.Range(row * columns + 1, columns).Select(p => $"?{p}")) + ")");
        return $"INSERT OR IGNORE INTO {Table(index)} ({string.Join(", ", index.Fields.Select((_, i) => $"k{i}"))}, key) VALUES {string.Join(", ", values)}";
    }

    private const string DeferredTable = "deferred";

    private static string NotDeferred(long collectionId) => $" AND NOT EXISTS (SELECT 1 FROM {DeferredTable} WHERE cid = {Id(collectionId)})";

    /// <summary>Whether a persistent index's entries exist (then they are complete: they are filled in the transaction that creates them).</summary>
    public static string Exists(IndexInfo index) => DocumentTriggers.Exist(Table(index));

    /// <summary>The entries of the documents stored before the index existed.</summary>
    public static string Fill(IndexInfo index, long collectionId) =>
        $"INSERT INTO {Table(index)} {Entries(index, "docs", $" FROM docs WHERE cid = {Id(collectionId)}")}";

    public static string Drop(IndexInfo index)
    {
        if (!index.IsPersistent)
        {
            return $"DROP INDEX IF EXISTS {Name(index)}";
        }
        return $"{DropTable(Table(index))} DROP INDEX IF EXISTS ix_{Id(index.Id)};";
    }

    /// <summary>The names of a collection's persistent index tables, found by their triggers' condition.</summary>
    public static string EntryTablesOf(long collectionId) => DocumentTriggers.NamesOf(TablePrefix, collectionId);

    /// <summary>Drops an entries table found by <see cref="EntryTablesOf"/>, with its triggers.</summary>
    public static string DropTable(string table) => $"{DocumentTriggers.Drop(table)} DROP TABLE IF EXISTS {table};";

    public static string Ttl(IndexInfo index) => $"{IndexKey.TtlFunction}(body, {Literal(index.Fields[0])})";

    /// <summary>
    /// The keys and bodies of documents whose indexed attributes are in the range, in index order (descending: from the
    /// highest key down) of the range's column and the columns after it up to the first <paramref name="sortedFields"/>,
    /// those with equal keys there by document key either way. With <paramref name="keysOnly"/>, each document's key
    /// and index keys instead of its body, read from the index alone.
    /// </summary>
    public static string Scan(IndexInfo index, long collectionId, KeyRange range, bool descending = false, int sortedFields = 0, bool keysOnly = false)
    {
        if (!index.IsPersistent)
        {
            return GeoScan(index, collectionId, range);
        }
        // The column the range is on; when the prefix covers every column, the last one (then only ordering by it).
        var at = Math.Min(range.Prefix.Count, index.Fields.Count - 1);
        var column = $"e.k{at}";
        var order = string.Join(", ", Enumerable.Range(at, Math.Max(1, sortedFields - at)).Select(i => $"e.k{i}" + (descending ? " DESC" : "")));
        var selected = keysOnly ? "e.key, " + string.Join(", ", index.Fields.Select((_, i) => $"e.k{i}")) : "e.key, d.body";
        // CROSS JOIN keeps the entries the outer loop, so the documents are read in index order, one lookup each.
        var sql = keysOnly
            ? $"SELECT {selected} FROM {Table(index)} AS e WHERE 1"
            : $"SELECT {selected} FROM {Table(index)} AS e CROSS JOIN docs AS d ON d.cid = {Id(collectionId)} AND d.key = e.key WHERE 1";
        for (var i = 0; i < range.Prefix.Count; i++)
        {
            sql += $" AND e.k{i} = ?{PrefixParameter + i}";
        }
        sql += Bounds(column, range);
        // A unique index's keys tell its entries apart: ordering by them alone is what its primary key gives.
        return sql + $" ORDER BY {order}{(index.Unique && range.Prefix.Count >= index.Fields.Count - 1 ? "" : ", e.key")}";
    }

    /// <summary>The SQL parameter of a range's first prefix key; the others follow it.</summary>
    public const int PrefixParameter = 3;

    public static string Expired(IndexInfo index, long collectionId) =>
        $"SELECT key FROM docs WHERE cid = {Id(collectionId)} AND {Ttl(index)} <= ?1 LIMIT ?2";

    private static string GeoScan(IndexInfo index, long collectionId, KeyRange range)
    {
        var column = GeoColumn(index);
        // Without statistics SQLite may prefer the primary key (cid, key) and sort: the index is named.
        var sql = $"SELECT key, body FROM docs INDEXED BY {Name(index)} WHERE cid = {Id(collectionId)}";
        return range.IsMissing ? sql + $" AND {column} IS NULL ORDER BY {column}, key" : sql + Bounds(column, range) + $" ORDER BY {column}, key";
    }

    private static string Bounds(string column, KeyRange range) =>
        (range.Low is null ? "" : $" AND {column} {(range.LowInclusive ? ">=" : ">")} ?1")
        + (range.High is null ? "" : $" AND {column} {(range.HighInclusive ? "<=" : "<")} ?2");

    /// <summary>
    /// The entries of the documents <paramref name="from"/> names (as <paramref name="row"/>): their keys and document
    /// keys; a sparse index holds none for a document with null or no value in any of its attributes (as ArangoDB's).
    /// </summary>
    private static string Entries(IndexInfo index, string row, string from = "")
    {
        var select = $"SELECT {string.Join(", ", index.Fields.Select((field, i) => $"{Key(index, row, field)} AS k{i}"))}, {row}.key AS key{from}";
        return index.Sparse ? $"SELECT * FROM ({select}) WHERE {string.Join(" AND ", index.Fields.Select((_, i) => $"k{i} IS NOT NULL"))}" : select;
    }

    private static string Key(IndexInfo index, string row, string field) =>
        $"{IndexKey.KeyFunction}({row}.body, {Literal(field)}, {(index.Sparse ? 1 : 0)})";

    private static string Insert(IndexInfo index, string row) => $"INSERT INTO {Table(index)} {Entries(index, row)}";

    private static string Delete(IndexInfo index, string row) =>
        $"DELETE FROM {Table(index)} WHERE "
        + string.Join(" AND ", index.Fields.Select((field, i) => $"k{i} = {Key(index, row, field)}"))
        + $" AND key = {row}.key";

    private static string GeoColumn(IndexInfo index) =>
        $"{GeoKey.Function}(body, {Literal(index.Fields[0])}, {Literal(index.Fields.Count > 1 ? index.Fields[1] : "")}, {(index.GeoJson ? 1 : 0)})";

    private const string TablePrefix = "ixe";

    private static string Table(IndexInfo index) => TablePrefix + "_" + Id(index.Id);

    // A geo index's copy has its own name: the copies built before geo keys existed indexed the raw attributes.
    private static string Name(IndexInfo index) => "ix_" + Id(index.Id) + (index.IsGeo ? "_geo" : "");

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
