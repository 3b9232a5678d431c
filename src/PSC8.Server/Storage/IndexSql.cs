namespace PSC8.Server.Storage;

/// <summary>
/// The SQL of a region's copy of an index: an expression index over the collection's rows of docs. The collection
/// id is a literal (the partial index's WHERE), so writes to other collections never compute its keys, and leads
/// the columns, so SQLite prefers the index over the primary key for the queries below.
/// </summary>
internal static class IndexSql
{
    public static string Create(IndexInfo index, long collectionId)
    {
        var columns = index.IsTtl ? [Ttl(index)] : index.IsGeo ? [Column(index, 0)] : index.Fields.Select((_, i) => Column(index, i));
        return $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {Name(index)} ON docs (cid, {string.Join(", ", columns)}) WHERE cid = {Id(collectionId)}";
    }

    public static string Drop(IndexInfo index) => $"DROP INDEX IF EXISTS {Name(index)}";

    /// <summary>The key expression of the index's <paramref name="field"/>-th attribute.</summary>
    public static string Column(IndexInfo index, int field) => index.IsGeo
        ? $"{GeoKey.Function}(body, {Literal(index.Fields[0])}, {Literal(index.Fields.Count > 1 ? index.Fields[1] : "")}, {(index.GeoJson ? 1 : 0)})"
        : $"{IndexKey.KeyFunction}(body, {Literal(index.Fields[field])}, {(index.Sparse ? 1 : 0)})";

    public static string Ttl(IndexInfo index) => $"{IndexKey.TtlFunction}(body, {Literal(index.Fields[0])})";

    /// <summary>
    /// The keys and bodies of documents whose indexed attributes are in the range, in index order (descending: from the
    /// highest key down) of the range's column and the columns after it up to the first <paramref name="sortedFields"/>,
    /// those with equal keys there by document key either way.
    /// </summary>
    public static string Scan(IndexInfo index, long collectionId, KeyRange range, bool descending = false, int sortedFields = 0)
    {
        // The column the range is on; when the prefix covers every column, the last one (then only ordering by it).
        var at = Math.Min(range.Prefix.Count, (index.IsGeo ? 1 : index.Fields.Count) - 1);
        var column = Column(index, at);
        var order = string.Join(", ", Enumerable.Range(at, Math.Max(1, sortedFields - at)).Select(i => Column(index, i) + (descending ? " DESC" : "")));
        // Without statistics SQLite may prefer the primary key (cid, key) and sort: the index is named.
        var sql = $"SELECT key, body FROM docs INDEXED BY {Name(index)} WHERE cid = {Id(collectionId)}";
        for (var i = 0; i < range.Prefix.Count; i++)
        {
            sql += $" AND {Column(index, i)} = ?{PrefixParameter + i}";
        }
        if (range.IsMissing)
        {
            return sql + $" AND {column} IS NULL ORDER BY {order}, key";
        }
        if (range.Low is not null)
        {
            sql += $" AND {column} {(range.LowInclusive ? ">=" : ">")} ?1";
        }
        if (range.High is not null)
        {
            sql += $" AND {column} {(range.HighInclusive ? "<=" : "<")} ?2";
        }
        return sql + $" ORDER BY {order}, key";
    }

    /// <summary>The SQL parameter of a range's first prefix key; the others follow it.</summary>
    public const int PrefixParameter = 3;

    public static string Expired(IndexInfo index, long collectionId) =>
        $"SELECT key FROM docs WHERE cid = {Id(collectionId)} AND {Ttl(index)} <= ?1 LIMIT ?2";

    // A geo index's copy has its own name: the copies built before geo keys existed indexed the raw attributes.
    private static string Name(IndexInfo index) => "ix_" + Id(index.Id) + (index.IsGeo ? "_geo" : "");

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
