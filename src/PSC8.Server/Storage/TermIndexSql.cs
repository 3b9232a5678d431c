namespace PSC8.Server.Storage;

/// <summary>
/// The SQL of a region's copy of an index that has several terms per document, a fulltext index (its words) or an
/// array index (the <see cref="ElementKeys"/> of its array's members): rows (index, term, document key) of the terms
/// table, kept by <see cref="DocumentTriggers"/>, so every write of the collection's documents (through the API, C8QL,
/// replication, truncation, TTL expiry) updates them in its own statement, as a persistent index's entries are kept
/// (<see cref="IndexSql"/>).
/// </summary>
internal static class TermIndexSql
{
    /// <summary>Whether the region has the index's copy (its triggers).</summary>
    public static string Exists(IndexInfo index) => DocumentTriggers.Exist(Name(index.Id));

    /// <summary>
    /// The triggers, then the terms of the documents stored already. The expression index earlier versions built
    /// for a fulltext index is dropped: nothing reads it.
    /// </summary>
    public static string Create(IndexInfo index, long collectionId) => $"""
        {IndexSql.Drop(index)};
        {DocumentTriggers.Create(Name(index.Id), collectionId, row => Insert(index, row), row => Delete(index, row))}
        INSERT OR IGNORE INTO terms (ix, term, key) SELECT {IndexSql.Id(index.Id)}, w.value, d.key FROM docs d, json_each({Terms(index, "d")}) w WHERE d.cid = {IndexSql.Id(collectionId)};
        """;

    public static string Drop(long indexId) => $"{DocumentTriggers.Drop(Name(indexId))} DELETE FROM terms WHERE ix = {IndexSql.Id(indexId)};";

    /// <summary>The ids of a collection's term indexes, found by their triggers' condition (see <see cref="RegionWriter.Clear"/>).</summary>
    public static string IndexesOf(long collectionId) =>
        $"SELECT substr(name, {Prefix.Length + 2}) FROM ({DocumentTriggers.NamesOf(Prefix, collectionId)})";

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
        $"INSERT OR IGNORE INTO terms (ix, term, key) SELECT {IndexSql.Id(index.Id)}, value, {row}.key FROM json_each({Terms(index, row)})";

    private static string Delete(IndexInfo index, string row) =>
        $"DELETE FROM terms WHERE ix = {IndexSql.Id(index.Id)} AND key = {row}.key AND term IN (SELECT value FROM json_each({Terms(index, row)}))";

    private static string Terms(IndexInfo index, string row) => index.IsFulltext
        ? $"{FulltextWords.Function}({row}.body, {IndexSql.Literal(index.Fields[0])}, {index.MinLength ?? 1})"
        : $"{ElementKeys.Function}({row}.body, {IndexSql.Literal(index.ArrayAttribute)})";

    private const string Prefix = "terms";

    private static string Name(long indexId) => $"{Prefix}_{IndexSql.Id(indexId)}";
}
