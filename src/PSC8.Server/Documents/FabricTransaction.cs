using System.Buffers;
using PSC8.Server.Query;
using PSC8.Server.Replication;

namespace PSC8.Server.Documents;

/// <summary>
/// One fabric's documents as seen from the region executing a request, inside one storage transaction.
/// The single place where document rules live (keys, revisions, preconditions, overwrite modes, edges,
/// replication logging), used by the document API and by C8QL alike. The document API passes collections it has
/// resolved and checked already; C8QL names them, and each name is looked up and checked for access here.
/// </summary>
internal sealed class FabricTransaction(C8Cluster cluster, FabricInfo fabric, Region region, RegionReader reader, Principal principal,
    Principal? savedBy = null) : IQueryStore
{
    private static readonly string[] SystemAttributes = ["_key", "_id", "_rev"];

    private readonly int _keyStride = cluster.KeyStride;
    private readonly bool _replicates = cluster.Regions.Count > 1;
    private readonly ArrayBufferWriter<byte> _bodyBuffer = new(1024);
    private Utf8JsonWriter? _bodyWriter;

    // The collections whose writes this transaction has asked the writer to defer the index entries of.
    private readonly HashSet<long> _deferring = new();

    public FabricInfo Fabric { get; } = fabric;

    public Region Region { get; } = region;

    public string CurrentUser => principal.OwnerId;

    public string CurrentDatabase => Fabric.Name;

    private IDocumentWriter Writer => reader as IDocumentWriter
        ?? throw new InvalidOperationException("A write was attempted in a read-only transaction.");

    /// <summary>The collection by name, checked for existence in this region and for the caller's access level.</summary>
    private CollectionInfo Collection(string name, AccessLevel needed)
    {
        if (SystemCollections.IsVirtual(name))
        {
            throw SystemCollections.ReadOnly(name);
        }
        var collection = cluster.Catalog.FindCollection(Fabric.Name, name) ?? throw C8Errors.CollectionNotFound(name);
        if (collection.IsLocal && collection.LocalRegion != Region.Name)
        {
            throw new C8Exception(404, C8Errors.CollectionNotFoundNum,
                $"collection '{name}' is local to region '{collection.LocalRegion}' and is not served by '{Region.Name}'");
        }
        cluster.Access.RequireCollection(principal, Fabric.Name, name, needed);
        if (savedBy is not null && cluster.Access.CollectionLevel(savedBy, Fabric.Name, name) < needed)
        {
            throw new C8Exception(403, C8Errors.Forbidden,
                $"forbidden: this stored query was last saved by '{savedBy.UserId}', which lacks '{needed.ToWire()}' access to collection '{name}' in fabric '{Fabric.Name}'; it runs with no more than the rights of whoever saved it and whoever runs it, so save it again to run it with yours");
        }
        return collection;
    }

    public StoredDocument? GetStored(CollectionInfo collection, string key) => reader.Get(collection.Id, key);

    public static C8Object Decode(StoredDocument stored) => C8Json.Parse(stored.Body).AsObject;

    /// <summary>
    /// The stored document's _rev, read without decoding the rest: a read by key answers with the stored bytes, and
    /// needs no more of them than its ETag. Commit writes _rev third, so the scan stops early.
    /// </summary>
    public static string Revision(StoredDocument stored)
    {
        var reader = new Utf8JsonReader(stored.Body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRev = reader.ValueTextEquals("_rev"u8);
            reader.Read();
            if (isRev)
            {
                return reader.GetString()!;
            }
            reader.Skip();
        }
        throw new InvalidOperationException($"the stored document '{stored.Key}' has no _rev");
    }

    // ---- IQueryStore: reads ----

    public IReadOnlyList<string> CollectionNames() =>
        cluster.Catalog.Collections(Fabric.Name).Select(c => c.Name).ToList();

    public bool CollectionExists(string name) => SystemCollections.IsVirtual(name) || cluster.Catalog.FindCollection(Fabric.Name, name) is not null;

    public IEnumerable<C8Object> Scan(string collection) =>
        SystemCollections.IsVirtual(collection) ? SystemRows() : Scan(Collection(collection, AccessLevel.ReadOnly));

    /// <summary>The rows of a read-only system collection: the collections of the fabric the caller can see.</summary>
    private IEnumerable<C8Object> SystemRows() => SystemCollections.Rows(cluster.Catalog.Collections(Fabric.Name)
        .Where(c => cluster.Access.CollectionLevel(principal, Fabric.Name, c.Name) > AccessLevel.None &&
            (savedBy is null || cluster.Access.CollectionLevel(savedBy, Fabric.Name, c.Name) > AccessLevel.None)));

    public IEnumerable<C8Object> Scan(CollectionInfo collection) =>
        reader.ScanBodies(collection.Id, body => C8Json.Parse(body).AsObject);

    public IEnumerable<C8Object> Scan(string collection, IReadOnlyList<string> attributes) =>
        SystemCollections.IsVirtual(collection) ? SystemRows() : reader.ScanBodies(Collection(collection, AccessLevel.ReadOnly).Id, new DocumentProjection(attributes).Decode);

    public IReadOnlyList<IndexInfo> Indexes(string collection) =>
        cluster.Catalog.FindCollection(Fabric.Name, collection) is { } info ? cluster.Catalog.Indexes(info.Id) : [];

    public IEnumerable<C8Object>? IndexScan(string collection, IndexInfo index, IReadOnlyList<IndexCondition> conditions, IReadOnlyList<string>? attributes, bool descending = false, int sortedFields = 0)
    {
        var info = Collection(collection, AccessLevel.ReadOnly);
        if (IndexRanges.For(conditions, index.Sparse, index.Fields.Count) is not { } ranges || Dropped(info, index))
        {
            return null;
        }
        // The ranges of IN's points one after the other in key order, so the documents come in index order.
        var ordered = ranges.Order(KeyRangeOrder.Instance).ToList();
        if (descending)
        {
            ordered.Reverse();
        }
        return Read(info, index, ordered, attributes, descending, sortedFields);
    }

    /// <summary>Whether the index a query was compiled with has been dropped from the collection since: then it reads nothing through it.</summary>
    private bool Dropped(CollectionInfo collection, IndexInfo index) => cluster.Catalog.Indexes(collection.Id).All(i => i.Id != index.Id);

    public IEnumerable<C8Object>? GeoScan(string collection, IndexInfo index, double minLatitude, double maxLatitude, bool unlocated, IReadOnlyList<string>? attributes)
    {
        var info = Collection(collection, AccessLevel.ReadOnly);
        if (Dropped(info, index))
        {
            return null;
        }
        List<KeyRange> ranges = [new KeyRange(GeoKey.Key(minLatitude), true, GeoKey.Key(maxLatitude), true), KeyRange.Point(GeoKey.Key(GeoKey.ShapeLatitude))];
        if (unlocated)
        {
            ranges.Add(KeyRange.Missing);
        }
        return Read(info, index, ranges, attributes, descending: false, sortedFields: 0);
    }

    public IEnumerable<C8Object>? FulltextScan(string collection, IndexInfo index, FulltextQuery query)
    {
        var info = Collection(collection, AccessLevel.ReadOnly);
        if (Dropped(info, index))
        {
            return null;
        }
        return Documents(info, query.Keys((word, prefix) => reader.TermKeys(index, word, prefix)), null);
    }

    public IEnumerable<C8Object>? ArrayScan(string collection, IndexInfo index, C8Value member, IReadOnlyList<string>? attributes)
    {
        var info = Collection(collection, AccessLevel.ReadOnly);
        if (!IndexKey.MatchesExactly(member) || Dropped(info, index))
        {
            return null;
        }
        return Documents(info, reader.TermKeys(index, ElementKeys.Of(member), prefix: false).ToHashSet(StringComparer.Ordinal), attributes);
    }

    /// <summary>
    /// The documents of a term index's keys, and those this transaction wrote that it does not show yet, in key order
    /// (the caller checks each).
    /// </summary>
    private IEnumerable<C8Object> Documents(CollectionInfo collection, HashSet<string> keys, IReadOnlyList<string>? attributes)
    {
        keys.UnionWith(reader.PendingKeys(collection.Id));
        var projection = attributes is null ? null : new DocumentProjection(attributes);
        return keys.Order(StringComparer.Ordinal).Select(key => reader.Get(collection.Id, key)).OfType<StoredDocument>()
            .Select(stored => projection is null ? Decode(stored) : projection.Decode(stored.Body));
    }

    private IEnumerable<C8Object> Read(CollectionInfo collection, IndexInfo index, IReadOnlyList<KeyRange> ranges, IReadOnlyList<string>? attributes, bool descending, int sortedFields)
    {
        if (attributes is not null && reader.ReadsIndexAlone && IndexProjection.Covers(index, attributes))
        {
            var covering = new IndexProjection(index, attributes, collection.Name);
            return ranges.SelectMany(range => reader.IndexEntries(index, collection.Id, range, descending, sortedFields))
                .Select(entry => covering.Decode(entry.Key, entry.Keys) ?? covering.Projection.Decode(reader.Get(collection.Id, entry.Key)!.Body));
        }
        var projection = attributes is null ? null : new DocumentProjection(attributes);
        return ranges.SelectMany(range => reader.IndexScan(index, collection.Id, range, descending, sortedFields))
            .Select(stored => projection is null ? Decode(stored) : projection.Decode(stored.Body));
    }

    public C8Object? Get(string collection, string key)
    {
        if (SystemCollections.IsVirtual(collection))
        {
            return SystemRows().FirstOrDefault(r => r["_key"].AsString == key);
        }
        var info = Collection(collection, AccessLevel.ReadOnly);
        return DocumentKeyRules.IsValid(key) && reader.Get(info.Id, key) is { } stored ? Decode(stored) : null;
    }

    public long Count(string collection) =>
        SystemCollections.IsVirtual(collection) ? SystemRows().LongCount() : Count(Collection(collection, AccessLevel.ReadOnly));

    public long Count(CollectionInfo collection) => reader.Count(collection.Id);

    // ---- IQueryStore: writes ----

    public WriteResult Insert(string collection, C8Object document, WriteOptions options) =>
        Insert(Collection(collection, AccessLevel.ReadWrite), document, options);

    public WriteResult Update(string collection, string key, C8Object patch, WriteOptions options) =>
        Update(Collection(collection, AccessLevel.ReadWrite), key, patch, options);

    public WriteResult Replace(string collection, string key, C8Object document, WriteOptions options) =>
        Replace(Collection(collection, AccessLevel.ReadWrite), key, document, options);

    public WriteResult Remove(string collection, string key, WriteOptions options) =>
        Remove(Collection(collection, AccessLevel.ReadWrite), key, options);

    public WriteResult Insert(CollectionInfo collection, C8Object document, WriteOptions options)
    {
        string key;
        if (document.TryGetValue("_key", out var given))
        {
            key = given.TryGetString(out var text) ? text : throw C8Errors.IllegalKey("illegal document key: _key must be a string");
            DocumentKeyRules.ValidateNew(key);
            if (!collection.KeyOptions.AllowUserKeys)
            {
                throw new C8Exception(400, 1222, $"collection '{collection.Name}' does not allow user-defined keys");
            }
            if (reader.Get(collection.Id, key) is { } existing)
            {
                return options.Overwrite switch
                {
                    OverwriteMode.Ignore => Ignored(collection, existing),
                    OverwriteMode.Replace => Rewrite(collection, existing, document, options, merge: false),
                    OverwriteMode.Update => Rewrite(collection, existing, document, options, merge: true),
                    _ => throw C8Errors.UniqueConstraint(collection.Name),
                };
            }
            DocumentKeyRules.TrackUserKey(Writer, collection, key, _keyStride);
        }
        else
        {
            key = DocumentKeyRules.Generate(Writer, collection, Region.Index, _keyStride);
            ValidateEdge(collection, document, requireIds: true);
            // A generated key can already be taken: by a document replicated from a region whose counter is ahead
            // (autoincrement counts per region), copied in when the spot region moved, or chosen by a user. That
            // document is left alone and the next key tried; the insert itself finds out, so a free key costs no lookup.
            (string Rev, C8Object Stored)? committed;
            while ((committed = Commit(collection, key, document, onlyIfNew: true)) is null)
            {
                key = DocumentKeyRules.Generate(Writer, collection, Region.Index, _keyStride);
            }
            return new WriteResult(Id(collection, key), key, committed.Value.Rev, null, null, committed.Value.Stored, Ignored: false);
        }
        ValidateEdge(collection, document, requireIds: true);
        var (rev, stored) = Commit(collection, key, document);
        return new WriteResult(Id(collection, key), key, rev, null, null, stored, Ignored: false);
    }

    public WriteResult Update(CollectionInfo collection, string key, C8Object patch, WriteOptions options) =>
        Rewrite(collection, Existing(collection, key), patch, options, merge: true);

    public WriteResult Replace(CollectionInfo collection, string key, C8Object document, WriteOptions options) =>
        Rewrite(collection, Existing(collection, key), document, options, merge: false);

    public WriteResult Remove(CollectionInfo collection, string key, WriteOptions options)
    {
        var existing = Existing(collection, key);
        var old = Decode(existing);
        CheckPreconditions(old, options, given: null);
        var writer = Writer;
        writer.Delete(collection.Id, key);
        if (IsReplicated(collection))
        {
            var stamp = Region.Clock.Next();
            writer.PutTombstone(collection.Id, key, stamp, Region.Name);
            writer.AppendLog(Fabric.Name, collection.Id, key, ReplicatedOp.Delete, stamp, null);
        }
        var rev = old["_rev"].AsString;
        return new WriteResult(Id(collection, key), key, rev, rev, old, null, Ignored: false);
    }

    /// <summary>Removes every document of the collection in this region (and, for a global collection, everywhere).</summary>
    public void Truncate(CollectionInfo collection)
    {
        var writer = reader as RegionWriter ?? throw new InvalidOperationException("A truncate needs the region's writer.");
        if (!IsReplicated(collection))
        {
            writer.Clear(collection.Id, resetKeys: false);
            return;
        }
        // A fresh stamp is newer than everything this region holds, so the collection is emptied here; the other
        // regions apply the same versioned truncate, which spares writes made after it (see ReplicaApplier.Truncate).
        var stamp = Region.Clock.Next();
        ReplicaApplier.Truncate(writer, collection.Id, stamp, Region.Name);
        writer.AppendLog(Fabric.Name, collection.Id, "", ReplicatedOp.Truncate, stamp, null);
    }

    private StoredDocument Existing(CollectionInfo collection, string key)
    {
        DocumentKeyRules.Validate(key);
        return reader.Get(collection.Id, key) ?? throw C8Errors.DocumentNotFound();
    }

    private WriteResult Rewrite(CollectionInfo collection, StoredDocument existing, C8Object given, WriteOptions options, bool merge)
    {
        var old = Decode(existing);
        CheckPreconditions(old, options, given);
        var body = merge
            ? DocumentMerge.Apply(UserAttributes(old), UserAttributes(given), options.KeepNull, options.MergeObjects)
            : given;
        ValidateEdge(collection, body, requireIds: false);
        var (rev, stored) = Commit(collection, existing.Key, body);
        return new WriteResult(Id(collection, existing.Key), existing.Key, rev, old["_rev"].AsString, old, stored, Ignored: false);
    }

    private WriteResult Ignored(CollectionInfo collection, StoredDocument existing)
    {
        var current = Decode(existing);
        var rev = current["_rev"].AsString;
        return new WriteResult(Id(collection, existing.Key), existing.Key, rev, null, null, current, Ignored: true);
    }

    /// <summary>If-Match always counts; a _rev inside the body counts only when revisions are not ignored.</summary>
    private static void CheckPreconditions(C8Object current, WriteOptions options, C8Object? given)
    {
        var currentRev = current["_rev"].AsString;
        var expected = options.ExpectedRev;
        if (expected is null && !options.IgnoreRevs && given is not null && given.TryGetValue("_rev", out var rev) && rev.TryGetString(out var text) && text.Length > 0)
        {
            expected = text;
        }
        if (expected is not null && expected != currentRev)
        {
            throw C8Errors.Precondition("precondition failed", new C8Object.Builder(3)
                .Set("_id", current["_id"]).Set("_key", current["_key"]).Set("_rev", current["_rev"]).Build());
        }
    }

    /// <summary>Stores the attributes under a new revision; system attributes among them are ignored.</summary>
    private (string Rev, C8Object Stored) Commit(CollectionInfo collection, string key, C8Object attributes) =>
        Commit(collection, key, attributes, onlyIfNew: false)!.Value;

    /// <summary>As above; with <paramref name="onlyIfNew"/> nothing is stored, and null returned, when the key is taken.</summary>
    private (string Rev, C8Object Stored)? Commit(CollectionInfo collection, string key, C8Object attributes, bool onlyIfNew)
    {
        var stamp = Region.Clock.Next();
        var rev = Versions.Revision(stamp, Region.Index);
        var builder = new C8Object.Builder(attributes.Count + 3)
            .Set("_key", C8Value.From(key))
            .Set("_id", C8Value.From(Id(collection, key)))
            .Set("_rev", C8Value.From(rev));
        foreach (var (name, value) in attributes)
        {
            if (Array.IndexOf(SystemAttributes, name) < 0)
            {
                builder.Set(name, value);
            }
        }
        var document = builder.Build();
        var bytes = Serialize(document);
        var writer = Writer;
        if (_deferring.Add(collection.Id))
        {
            writer.DeferEntries(collection.Id, cluster.Catalog.Indexes(collection.Id));
        }
        try
        {
            if (!onlyIfNew)
            {
                writer.Put(collection.Id, key, stamp, Region.Name, bytes);
            }
            else if (!writer.PutNew(collection.Id, key, stamp, Region.Name, bytes))
            {
                return null;
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == UniqueConstraintFailed)
        {
            throw UniqueIndexViolated(collection, key);
        }
        if (IsReplicated(collection))
        {
            writer.DeleteTombstone(collection.Id, key);
            writer.AppendLog(Fabric.Name, collection.Id, key, ReplicatedOp.Put, stamp, bytes);
        }
        return (rev, document);
    }

    /// <summary>
    /// The document's JSON, written through one buffer this transaction reuses: serialising into a fresh small
    /// buffer made every document past 256 bytes grow it to over 4 KB, which dominated a bulk insert's garbage.
    /// </summary>
    private byte[] Serialize(C8Object document)
    {
        _bodyBuffer.ResetWrittenCount();
        if (_bodyWriter is null)
        {
            _bodyWriter = new Utf8JsonWriter(_bodyBuffer, C8Json.Options);
        }
        else
        {
            _bodyWriter.Reset(_bodyBuffer);
        }
        C8Json.Write(_bodyWriter, C8Value.From(document));
        _bodyWriter.Flush();
        return _bodyBuffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Spot collections live in the spot region alone and local ones in their region; only global ones travel, and
    /// only when there is another region to travel to: a lone region's log and tombstones would never be read, and
    /// logging a second copy of every document cost a quarter of a bulk insert.
    /// </summary>
    private bool IsReplicated(CollectionInfo collection) => _replicates && !collection.IsSpot && !collection.IsLocal;

    /// <summary>A unique index refused the document (SQLite's primary result code for constraints).</summary>
    private const int UniqueConstraintFailed = 19;

    private C8Exception UniqueIndexViolated(CollectionInfo collection, string key) =>
        new(409, C8Errors.UniqueConstraintViolated,
            $"unique constraint violated - in index of type persistent over {string.Join(", ", cluster.Catalog.Indexes(collection.Id).Where(i => i.Unique).Select(i => "'" + string.Join(", ", i.Fields) + "'"))}; conflicting key: {key}");

    private static string Id(CollectionInfo collection, string key) => collection.Name + "/" + key;

    private static C8Object UserAttributes(C8Object document)
    {
        if (!document.ContainsKey("_key") && !document.ContainsKey("_id") && !document.ContainsKey("_rev"))
        {
            return document;
        }
        var builder = new C8Object.Builder(document.Count);
        foreach (var (name, value) in document)
        {
            if (Array.IndexOf(SystemAttributes, name) < 0)
            {
                builder.Set(name, value);
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// An edge needs _from and _to; the documents they name need not exist (GDN accepts such edges). A new edge's ends
    /// must look like document ids, but GDN lets a replace or an update set any string (pyC8's test_document_edge
    /// cassette: PATCH with _from "foo" is 202).
    /// </summary>
    private static void ValidateEdge(CollectionInfo collection, C8Object body, bool requireIds)
    {
        if (!collection.IsEdge)
        {
            return;
        }
        foreach (var attribute in new[] { "_from", "_to" })
        {
            if (!body.TryGetValue(attribute, out var value) || !value.TryGetString(out var id) || id.Length == 0 || (requireIds && !IsDocumentId(id)))
            {
                throw new C8Exception(400, C8Errors.InvalidEdgeAttribute, $"edge attribute missing or invalid: {attribute} must be a document id such as 'collection/key'");
            }
        }
    }

    private static bool IsDocumentId(string id)
    {
        var slash = id.IndexOf('/');
        return slash > 0 && DocumentKeyRules.IsValid(id[(slash + 1)..]);
    }
}
