using PSC8.Server.Documents;

namespace PSC8.Server.Tests.Query;

/// <summary>
/// A test double for <see cref="IQueryStore"/>: collections in memory, documents in key order, the
/// documented write semantics (key generation, _id/_key/_rev, 1202/1203/1210/1221/1200, keepNull and
/// mergeObjects). Scans iterate a snapshot taken when they start and count the documents they yield.
/// </summary>
internal sealed class InMemoryQueryStore : IQueryStore
{
    private const string RevisionAlphabet = "-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string KeyPunctuation = "_-:.@()+,=;$!*'%";

    private readonly Dictionary<string, SortedDictionary<string, C8Object>> _collections = new(StringComparer.Ordinal);
    private long _nextKey = 10000;
    private long _revisionCounter;

    public string CurrentUser { get; set; } = "root";

    public string CurrentDatabase => "_system";

    /// <summary>How many documents all scans together have yielded (to test streaming).</summary>
    public long DocumentsScanned { get; private set; }

    public int GetCalls { get; private set; }

    public int CountCalls { get; private set; }

    public int WriteCalls { get; private set; }

    public void CreateCollection(string name) => _collections.TryAdd(name, new SortedDictionary<string, C8Object>(StringComparer.Ordinal));

    /// <summary>Adds documents as they are (they may carry _key); for test fixtures.</summary>
    public void Seed(string collection, IEnumerable<C8Object> documents)
    {
        CreateCollection(collection);
        foreach (var document in documents)
        {
            Insert(collection, document, WriteOptions.Default);
        }
        WriteCalls = 0;
    }

    public IReadOnlyList<C8Object> Documents(string collection) => Collection(collection).Values.ToList();

    public IReadOnlyList<string> CollectionNames() => _collections.Keys.Order(StringComparer.Ordinal).ToList();

    public bool CollectionExists(string name) => _collections.ContainsKey(name);

    public IEnumerable<C8Object> Scan(string collection)
    {
        var documents = Collection(collection);
        return Iterate(documents.Values.ToList());
    }

    public IEnumerable<C8Object> Scan(string collection, IReadOnlyList<string> attributes) =>
        Scan(collection).Select(document => Project(document, attributes));

    /// <summary>The document with only the given attributes, as the real store decodes it.</summary>
    private static C8Object Project(C8Object document, IReadOnlyList<string> attributes)
    {
        var builder = new C8Object.Builder(attributes.Count);
        foreach (var pair in document)
        {
            if (attributes.Contains(pair.Key))
            {
                builder.Add(pair.Key, pair.Value);
            }
        }
        return builder.Build();
    }

    private IEnumerable<C8Object> Iterate(List<C8Object> snapshot)
    {
        foreach (var document in snapshot)
        {
            DocumentsScanned++;
            yield return document;
        }
    }

    public C8Object? Get(string collection, string key)
    {
        GetCalls++;
        return Collection(collection).TryGetValue(key, out var document) ? document : null;
    }

    public IReadOnlyList<PSC8.Server.Cluster.IndexInfo> Indexes(string collection) => [];

    public IEnumerable<C8Object>? IndexScan(string collection, PSC8.Server.Cluster.IndexInfo index, IReadOnlyList<IndexCondition> conditions, IReadOnlyList<string>? attributes, bool descending, int sortedFields) => null;

    public IEnumerable<C8Object>? GeoScan(string collection, PSC8.Server.Cluster.IndexInfo index, double minLatitude, double maxLatitude, bool unlocated, IReadOnlyList<string>? attributes) => null;

    public IEnumerable<C8Object>? ArrayScan(string collection, PSC8.Server.Cluster.IndexInfo index, C8Value member, IReadOnlyList<string>? attributes) => null;

    public IEnumerable<C8Object>? FulltextScan(string collection, PSC8.Server.Cluster.IndexInfo index, PSC8.Server.Query.Functions.FulltextQuery query) => null;

    public long Count(string collection)
    {
        CountCalls++;
        return Collection(collection).Count;
    }

    public WriteResult Insert(string collection, C8Object document, WriteOptions options)
    {
        WriteCalls++;
        var documents = Collection(collection);
        string key;
        if (document.TryGetValue("_key", out var given))
        {
            if (!given.TryGetString(out key) || !IsValidKey(key))
            {
                throw C8Errors.IllegalKey();
            }
        }
        else
        {
            key = (++_nextKey).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (documents.TryGetValue(key, out var existing))
        {
            switch (options.Overwrite)
            {
                case OverwriteMode.Ignore:
                    return new WriteResult(existing["_id"].AsString, key, existing["_rev"].AsString, null, null, null, true);
                case OverwriteMode.Replace:
                    return Replace(collection, key, document, options);
                case OverwriteMode.Update:
                    return Update(collection, key, document, options);
                default:
                    throw C8Errors.UniqueConstraint(collection);
            }
        }
        var stored = Stored(collection, key, document);
        documents[key] = stored;
        return Result(stored, null);
    }

    public WriteResult Update(string collection, string key, C8Object patch, WriteOptions options)
    {
        WriteCalls++;
        var current = Existing(collection, key, patch, options);
        var merged = Merge(current, patch, options.KeepNull, options.MergeObjects);
        var stored = Stored(collection, key, merged);
        Collection(collection)[key] = stored;
        return Result(stored, current);
    }

    public WriteResult Replace(string collection, string key, C8Object document, WriteOptions options)
    {
        WriteCalls++;
        var current = Existing(collection, key, document, options);
        var stored = Stored(collection, key, document);
        Collection(collection)[key] = stored;
        return Result(stored, current);
    }

    public WriteResult Remove(string collection, string key, WriteOptions options)
    {
        WriteCalls++;
        var current = Existing(collection, key, C8Object.Empty, options);
        Collection(collection).Remove(key);
        return new WriteResult(current["_id"].AsString, key, current["_rev"].AsString, null, current, null, false);
    }

    private SortedDictionary<string, C8Object> Collection(string name) =>
        _collections.TryGetValue(name, out var documents) ? documents : throw C8Errors.CollectionNotFound(name);

    private C8Object Existing(string collection, string key, C8Object body, WriteOptions options)
    {
        if (!Collection(collection).TryGetValue(key, out var current))
        {
            throw C8Errors.DocumentNotFound();
        }
        var currentRevision = current["_rev"].AsString;
        if (options.ExpectedRev is { } expected && expected != currentRevision)
        {
            throw C8Errors.Precondition();
        }
        if (!options.IgnoreRevs && body["_rev"].TryGetString(out var bodyRevision) && bodyRevision != currentRevision)
        {
            throw C8Errors.Precondition();
        }
        return current;
    }

    /// <summary>_key, _id and a fresh _rev first, then the body without system attributes.</summary>
    private C8Object Stored(string collection, string key, C8Object body)
    {
        var builder = new C8Object.Builder(body.Count + 3);
        builder.Add("_key", C8Value.From(key));
        builder.Add("_id", C8Value.From(collection + "/" + key));
        builder.Add("_rev", C8Value.From(NextRevision()));
        foreach (var pair in body)
        {
            if (pair.Key is not ("_key" or "_id" or "_rev"))
            {
                builder.Add(pair.Key, pair.Value);
            }
        }
        return builder.Build();
    }

    private static WriteResult Result(C8Object stored, C8Object? old) =>
        new(stored["_id"].AsString, stored["_key"].AsString, stored["_rev"].AsString, old?["_rev"].AsString, old, stored, false);

    private static C8Object Merge(C8Object current, C8Object patch, bool keepNull, bool mergeObjects)
    {
        var builder = new C8Object.Builder(current.Count + patch.Count);
        builder.AddRange(current);
        foreach (var pair in patch)
        {
            if (pair.Key is "_key" or "_id" or "_rev")
            {
                continue;
            }
            if (pair.Value.IsNull && !keepNull)
            {
                builder.Remove(pair.Key);
            }
            else if (mergeObjects && pair.Value.TryGetObject(out var inner) && builder.TryGetValue(pair.Key, out var existing) &&
                     existing.TryGetObject(out var existingInner))
            {
                builder.Set(pair.Key, C8Value.From(Merge(existingInner, inner, keepNull, mergeObjects)));
            }
            else
            {
                builder.Set(pair.Key, pair.Value.TryGetObject(out var value) && !keepNull ? C8Value.From(WithoutNulls(value)) : pair.Value);
            }
        }
        return builder.Build();
    }

    private static C8Object WithoutNulls(C8Object value)
    {
        var builder = new C8Object.Builder(value.Count);
        foreach (var pair in value)
        {
            if (!pair.Value.IsNull)
            {
                builder.Add(pair.Key, pair.Value.TryGetObject(out var inner) ? C8Value.From(WithoutNulls(inner)) : pair.Value);
            }
        }
        return builder.Build();
    }

    private string NextRevision()
    {
        var value = ((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 20) | (ulong)(++_revisionCounter & 0xFFFFF);
        var chars = new char[11];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = RevisionAlphabet[(int)(value & 63)];
            value >>= 6;
        }
        return new string(chars);
    }

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 254 && key.All(c => char.IsAsciiLetterOrDigit(c) || KeyPunctuation.Contains(c));
}
