namespace PSC8.Server.Storage;

/// <summary>
/// The SQL of a region's copy of an index that has several terms per document, a fulltext index (its words) or an
/// array index (the <see cref="ElementKeys"/> of its array's members): rows (index, term, document key) of the terms
/// table, kept by triggers on docs, so every write of the collection's documents (through the API, C8QL, replication, truncation,
/// TTL expiry) updates them in its own statement, as a persistent index's entries are kept (<see cref="IndexSql"/>).
/// Each trigger is conditional on the collection id as a literal: writes to other collections only compare it.
/// </summary>
internal static class TermIndexSql
{
    /// <summary>Whether the region has the index's copy (its insert trigger).</summary>
    public static string Exists(IndexInfo index) =>
        $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '{Trigger(index.Id, "insert")}')";

    /// <summary>
    /// The triggers, then the terms of the documents stored already. The expression index earlier versions built
    /// for a fulltext index is dropped: nothing reads it.
    /// </summary>
    public static string Create(IndexInfo index, long collectionId)
    {
        var id = IndexSql.Id(index.Id);
        var cid = IndexSql.Id(collectionId);
        return $"""
            {IndexSql.Drop(index)};
            CREATE TRIGGER {Trigger(index.Id, "insert")} AFTER INSERT ON docs WHEN NEW.cid = {cid} BEGIN {Insert(index, "NEW")} END;
            CREATE TRIGGER {Trigger(index.Id, "update")} AFTER UPDATE OF body ON docs WHEN NEW.cid = {cid} BEGIN {Delete(index, "OLD")} {Insert(index, "NEW")} END;
            CREATE TRIGGER {Trigger(index.Id, "delete")} AFTER DELETE ON docs WHEN OLD.cid = {cid} BEGIN {Delete(index, "OLD")} END;
            INSERT OR IGNORE INTO terms (ix, term, key) SELECT {id}, w.value, d.key FROM docs d, json_each({Terms(index, "d")}) w WHERE d.cid = {cid};
            """;
    }

    public static string Drop(long indexId) => $"""
        DROP TRIGGER IF EXISTS {Trigger(indexId, "insert")};
        DROP TRIGGER IF EXISTS {Trigger(indexId, "update")};
        DROP TRIGGER IF EXISTS {Trigger(indexId, "delete")};
        DELETE FROM terms WHERE ix = {IndexSql.Id(indexId)};
        """;

    /// <summary>The ids of a collection's term indexes, found by their insert triggers' condition (see <see cref="RegionWriter.Clear"/>).</summary>
    public static string IndexesOf(long collectionId) =>
        $"SELECT substr(name, 7, length(name) - 13) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'terms\\_%\\_insert' ESCAPE '\\' AND sql LIKE '% NEW.cid = {IndexSql.Id(collectionId)} BEGIN %'";

    /// <summary>The keys of documents with the term ?2 in index ?1, in key order.</summary>
    public const string Term = "SELECT key FROM terms WHERE ix = ?1 AND term = ?2";

    /// <summary>The keys of documents with a term from ?2 up to ?3 in index ?1 (see <see cref="PrefixEnd"/>).</summary>
    public const string TermRange = "SELECT DISTINCT key FROM terms WHERE ix = ?1 AND term >= ?2 AND term < ?3";

    /// <summary>
    /// Beyond every word that starts with the prefix: words compare by their UTF-8 bytes, and the highest code point
    /// (not a letter or digit, so in no word) encodes above every other character's bytes.
    /// </summary>
    public static string PrefixEnd(string prefix) => prefix + "\U0010FFFF";

    private static string Insert(IndexInfo index, string row) =>
        $"INSERT OR IGNORE INTO terms (ix, term, key) SELECT {IndexSql.Id(index.Id)}, value, {row}.key FROM json_each({Terms(index, row)});";

    private static string Delete(IndexInfo index, string row) =>
        $"DELETE FROM terms WHERE ix = {IndexSql.Id(index.Id)} AND key = {row}.key AND term IN (SELECT value FROM json_each({Terms(index, row)}));";

    private static string Terms(IndexInfo index, string row) => index.IsFulltext
        ? $"{FulltextWords.Function}({row}.body, {IndexSql.Literal(index.Fields[0])}, {index.MinLength ?? 1})"
        : $"{ElementKeys.Function}({row}.body, {IndexSql.Literal(index.ArrayAttribute)})";

    private static string Trigger(long indexId, string operation) => $"terms_{IndexSql.Id(indexId)}_{operation}";
}
