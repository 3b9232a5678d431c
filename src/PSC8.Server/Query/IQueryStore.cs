namespace PSC8.Server.Query;

/// <summary>
/// What a C8QL query runs against: the collections of one fabric, inside one storage transaction
/// of the region that executes the query. Implemented by the storage layer; everything a query
/// writes through it commits together or not at all (the caller commits after the last result).
/// Failures are <see cref="C8Exception"/>s with GDN's error numbers (1202, 1203, 1210, 1200, 1221 …),
/// so that <c>OPTIONS { ignoreErrors: true }</c> can tell them apart.
/// </summary>
internal interface IQueryStore
{
    /// <summary>The user (or API key's parent user) running the query, for CURRENT_USER().</summary>
    string CurrentUser { get; }

    /// <summary>The fabric the query runs in, for CURRENT_DATABASE().</summary>
    string CurrentDatabase { get; }

    /// <summary>Names of the fabric's collections, system ones included, in name order.</summary>
    IReadOnlyList<string> CollectionNames();

    bool CollectionExists(string name);

    /// <summary>All documents (each with _id, _key, _rev), lazily, in key order. Throws 1203 for unknown collections.</summary>
    IEnumerable<C8Object> Scan(string collection);

    /// <summary>
    /// Like <see cref="Scan(string)"/>, but each document holds only those of <paramref name="attributes"/> it has:
    /// the engine asks for this when the query reads nothing else of the documents, so the rest need not be decoded.
    /// </summary>
    IEnumerable<C8Object> Scan(string collection, IReadOnlyList<string> attributes);

    /// <summary>The collection's secondary indexes (none for an unknown collection).</summary>
    IReadOnlyList<IndexInfo> Indexes(string collection);

    /// <summary>
    /// The documents the index finds for conditions on its first attribute (a superset of those matching them), or
    /// null when the index cannot serve them (a sparse index asked for null, or an index dropped since).
    /// </summary>
    /// <remarks>
    /// With <paramref name="attributes"/> each document holds only those, as with <see cref="Scan(string, IReadOnlyList{string})"/>.
    /// The documents come in index order, highest key first when <paramref name="descending"/> (see <see cref="IndexOrder"/>):
    /// ordered by the index's first <paramref name="sortedFields"/> fields, then by key (by the conditions' last field
    /// when that is further).
    /// </remarks>
    IEnumerable<C8Object>? IndexScan(string collection, IndexInfo index, IReadOnlyList<IndexCondition> conditions, IReadOnlyList<string>? attributes, bool descending = false, int sortedFields = 0);

    /// <summary>
    /// The documents a geo index locates between two latitudes, and every document it holds as a shape (a superset
    /// of those in the band), with <paramref name="unlocated"/> also those without a valid location; null when the
    /// index is gone.
    /// </summary>
    IEnumerable<C8Object>? GeoScan(string collection, IndexInfo index, double minLatitude, double maxLatitude, bool unlocated, IReadOnlyList<string>? attributes);

    /// <summary>
    /// The documents a fulltext index finds for the query (a superset of those it matches), in key order; null when
    /// the index is gone.
    /// </summary>
    IEnumerable<C8Object>? FulltextScan(string collection, IndexInfo index, FulltextQuery query);

    /// <summary>
    /// The documents an array index holds <paramref name="member"/> for (a superset of those whose array has it), in
    /// key order; null when the index cannot tell (an array or object, equal to others of different text) or is gone.
    /// </summary>
    IEnumerable<C8Object>? ArrayScan(string collection, IndexInfo index, C8Value member, IReadOnlyList<string>? attributes);

    /// <summary>One document by key, or null. Throws 1203 for unknown collections.</summary>
    C8Object? Get(string collection, string key);

    long Count(string collection);

    /// <summary>Inserts; a missing _key is generated. <see cref="WriteOptions.Overwrite"/> decides what an existing key does.</summary>
    WriteResult Insert(string collection, C8Object document, WriteOptions options);

    /// <summary>Merges <paramref name="patch"/> into the document (system attributes in the patch are ignored but _rev, see IgnoreRevs).</summary>
    WriteResult Update(string collection, string key, C8Object patch, WriteOptions options);

    /// <summary>Replaces the document's body, keeping its _key.</summary>
    WriteResult Replace(string collection, string key, C8Object document, WriteOptions options);

    WriteResult Remove(string collection, string key, WriteOptions options);
}
