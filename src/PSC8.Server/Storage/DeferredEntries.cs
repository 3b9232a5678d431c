namespace PSC8.Server.Storage;

/// <summary>
/// The entries a write transaction owes one collection's deferrable indexes (see <see cref="RegionWriter.DeferEntries"/>):
/// each new document's keys, computed from the body as it is stored, and at the end written into each index in key
/// order by prepared statements. Keys are computed here rather than by SQL reading the documents back at the end:
/// that cost a lookup of every document and a call from SQLite into .NET per entry, about twice as much in all.
/// </summary>
internal sealed class DeferredEntries
{
    // Entries per INSERT: each statement's execution costs about as much as an entry.
    private const int RowsPerStatement = 64;

    private readonly IReadOnlyList<IndexInfo> _indexes;

    // The attributes the indexes read, each once, and per index where its fields are among them.
    private readonly byte[][] _paths;
    private readonly int[][] _fields;

    // Per document key, the keys of its attributes (as _paths lists them).
    private readonly Dictionary<string, byte[]?[]> _documents = new(StringComparer.Ordinal);

    public DeferredEntries(IReadOnlyList<IndexInfo> indexes)
    {
        _indexes = indexes;
        var paths = indexes.SelectMany(index => index.Fields).Distinct(StringComparer.Ordinal).ToList();
        _paths = paths.Select(Encoding.UTF8.GetBytes).ToArray();
        _fields = indexes.Select(index => index.Fields.Select(field => paths.IndexOf(field)).ToArray()).ToArray();
    }

    /// <summary>Whether any index defers; when none does, nothing is owed.</summary>
    public bool Any => _indexes.Count > 0;

    /// <summary>A document this transaction inserted (or wrote again: the entries of its latest body count).</summary>
    public void Written(string key, ReadOnlySpan<byte> body)
    {
        var keys = new byte[]?[_paths.Length];
        IndexKey.OfAll(body, _paths, keys);
        _documents[key] = keys;
    }

    /// <summary>A document this transaction removed: its delete trigger found no entries, and none are owed.</summary>
    public void Removed(string key) => _documents.Remove(key);

    /// <summary>
    /// Writes the entries, each index's in key order so that they go into each page of the index once. An entry there
    /// already (a document written again by an update, whose trigger added it) is left as it is.
    /// </summary>
    public void WriteTo(SqliteConnection connection)
    {
        for (var i = 0; i < _indexes.Count; i++)
        {
            var entries = Entries(_fields[i], _indexes[i].Sparse);
            entries.Sort(CompareEntries);
            var columns = _indexes[i].Fields.Count + 1;
            // A transaction of a document or a few (most are) prepares the one-entry statement alone.
            using var many = entries.Count >= RowsPerStatement ? new RawStatement(connection, IndexSql.InsertEntries(_indexes[i], RowsPerStatement)) : null;
            using var one = new RawStatement(connection, IndexSql.InsertEntries(_indexes[i], 1));
            var at = 0;
            for (; many is not null && at + RowsPerStatement <= entries.Count; at += RowsPerStatement)
            {
                for (var row = 0; row < RowsPerStatement; row++)
                {
                    Bind(many, row * columns, entries[at + row]);
                }
                many.Execute();
            }
            for (; at < entries.Count; at++)
            {
                Bind(one, 0, entries[at]);
                one.Execute();
            }
        }
        _documents.Clear();
    }

    private static void Bind(RawStatement insert, int offset, (byte[][] Keys, string Document) entry)
    {
        for (var field = 0; field < entry.Keys.Length; field++)
        {
            insert.Bind(offset + field + 1, entry.Keys[field]);
        }
        insert.Bind(offset + entry.Keys.Length + 1, entry.Document);
    }

    private List<(byte[][] Keys, string Document)> Entries(int[] fields, bool sparse)
    {
        var entries = new List<(byte[][], string)>(_documents.Count);
        foreach (var (document, attributes) in _documents)
        {
            var keys = new byte[fields.Length][];
            for (var field = 0; field < fields.Length; field++)
            {
                keys[field] = attributes[fields[field]]!;
            }
            // A sparse index holds no entry for a document with null or no value in any of its fields.
            if (!sparse || !keys.Any(IndexKey.IsNullKey))
            {
                entries.Add((keys, document));
            }
        }
        return entries;
    }

    // The entries table's order: each field's key as SQLite compares blobs (memcmp), then the document key (ASCII).
    private static int CompareEntries((byte[][] Keys, string Document) x, (byte[][] Keys, string Document) y)
    {
        for (var field = 0; field < x.Keys.Length; field++)
        {
            var order = x.Keys[field].AsSpan().SequenceCompareTo(y.Keys[field]);
            if (order != 0)
            {
                return order;
            }
        }
        return string.CompareOrdinal(x.Document, y.Document);
    }
}
