namespace PSC8.Client.Models;

/// <summary>Document or edge collection.</summary>
public enum C8CollectionType
{
    /// <summary>Documents (GDN type 2).</summary>
    Document = 2,

    /// <summary>Edges with <c>_from</c>/<c>_to</c> (GDN type 3).</summary>
    Edge = 3,
}

/// <summary>How a collection generates keys.</summary>
public sealed class C8KeyOptions
{
    /// <summary><c>traditional</c>, <c>autoincrement</c>, <c>padded</c> or <c>uuid64</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Whether documents may bring their own <c>_key</c>.</summary>
    public bool? AllowUserKeys { get; set; }

    /// <summary>Step of <c>autoincrement</c> keys.</summary>
    public long? Increment { get; set; }

    /// <summary>First value of <c>autoincrement</c> keys.</summary>
    public long? Offset { get; set; }

    /// <summary>The last generated key value (read-only, from the server).</summary>
    public long? LastValue { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => (Type ?? "traditional") + (AllowUserKeys == false ? " (server keys only)" : string.Empty);

    internal static C8KeyOptions? FromJson(JsonElement? e)
    {
        if (e is not JsonElement o || o.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new C8KeyOptions
        {
            Type = JsonRead.String(o, "type"),
            AllowUserKeys = JsonRead.OptionalBool(o, "allowUserKeys"),
            Increment = JsonRead.Long(o, "increment"),
            Offset = JsonRead.Long(o, "offset"),
            LastValue = JsonRead.Long(o, "lastValue"),
        };
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (Type is not null)
        {
            w.WriteString("type", Type);
        }

        if (AllowUserKeys is bool allow)
        {
            w.WriteBoolean("allowUserKeys", allow);
        }

        if (Increment is long inc)
        {
            w.WriteNumber("increment", inc);
        }

        if (Offset is long off)
        {
            w.WriteNumber("offset", off);
        }

        w.WriteEndObject();
    }
}

/// <summary>A collection of a fabric.</summary>
public sealed class C8Collection
{
    /// <summary>The fabric this collection was read from (so pipelines can pass it on).</summary>
    public string Fabric { get; internal set; } = string.Empty;

    /// <summary>Collection name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Server id.</summary>
    public string? Id { get; private set; }

    /// <summary>Document or edge.</summary>
    public C8CollectionType Type { get; private set; } = C8CollectionType.Document;

    /// <summary>Whether it is a spot (strongly consistent) collection: <c>isSpot</c> or <c>strongConsistency</c>.</summary>
    public bool IsSpot { get; private set; }

    /// <summary>Whether its data stays in the creating region.</summary>
    public bool IsLocal { get; private set; }

    /// <summary>Whether it is a system collection (name starts with <c>_</c>).</summary>
    public bool IsSystem { get; private set; }

    /// <summary>Whether a collection stream is enabled.</summary>
    public bool HasStream { get; private set; }

    /// <summary>Whether writes wait for disk sync by default.</summary>
    public bool WaitForSync { get; private set; }

    /// <summary>Number of documents, when it was asked for.</summary>
    public long? Count { get; internal set; }

    /// <summary><c>DOC</c>, <c>KV</c> or <c>DYNAMO</c>.</summary>
    public string? CollectionModel { get; private set; }

    /// <summary>Status code (3 = loaded).</summary>
    public int Status { get; private set; }

    /// <summary>Globally unique id.</summary>
    public string? GloballyUniqueId { get; private set; }

    /// <summary>Whether search is enabled.</summary>
    public bool SearchEnabled { get; private set; }

    /// <summary>Key generation options, when the server reported them.</summary>
    public C8KeyOptions? KeyOptions { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static C8Collection FromJson(JsonElement e, string fabric)
    {
        var type = JsonRead.Int(e, "type");
        var name = JsonRead.String(e, "name") ?? string.Empty;
        return new C8Collection
        {
            Fabric = fabric,
            Name = name,
            Id = JsonRead.String(e, "id"),
            Type = type == 3 ? C8CollectionType.Edge : C8CollectionType.Document,
            IsSpot = JsonRead.Bool(e, "isSpot") || JsonRead.Bool(e, "strongConsistency"),
            IsLocal = JsonRead.Bool(e, "isLocal"),
            IsSystem = JsonRead.OptionalBool(e, "isSystem") ?? name.StartsWith("_", StringComparison.Ordinal),
            HasStream = JsonRead.Bool(e, "hasStream"),
            WaitForSync = JsonRead.Bool(e, "waitForSync"),
            Count = JsonRead.Long(e, "count"),
            CollectionModel = JsonRead.String(e, "collectionModel"),
            Status = JsonRead.Int(e, "status") ?? 0,
            GloballyUniqueId = JsonRead.String(e, "globallyUniqueId"),
            SearchEnabled = JsonRead.Bool(e, "searchEnabled"),
            KeyOptions = C8KeyOptions.FromJson(JsonRead.Object(e, "keyOptions")),
        };
    }
}

/// <summary>What to create a collection with.</summary>
public sealed class C8CollectionCreateOptions
{
    /// <summary>Document (default) or edge.</summary>
    public C8CollectionType Type { get; set; } = C8CollectionType.Document;

    /// <summary>A spot collection: served by the fabric's spot region (sends both <c>isSpot</c> and <c>strongConsistency</c>).</summary>
    public bool IsSpot { get; set; }

    /// <summary>A local collection: data never leaves the creating region. Exclusive with <see cref="IsSpot"/>.</summary>
    public bool IsLocal { get; set; }

    /// <summary>Create a collection stream.</summary>
    public bool Stream { get; set; }

    /// <summary>Writes wait for disk sync by default.</summary>
    public bool? WaitForSync { get; set; }

    /// <summary>Key generation; server default when null.</summary>
    public C8KeyOptions? KeyOptions { get; set; }
}

/// <summary>Collection statistics from <c>/figures</c>.</summary>
public sealed class C8CollectionFigures
{
    /// <summary>The collection the figures are for.</summary>
    public C8Collection Collection { get; private set; } = null!;

    /// <summary>Bytes used by documents.</summary>
    public long? DocumentsSize { get; private set; }

    /// <summary>Number of indexes.</summary>
    public long? IndexCount { get; private set; }

    /// <summary>Bytes used by indexes.</summary>
    public long? IndexSize { get; private set; }

    /// <summary>Whether the cache is in use.</summary>
    public bool? CacheInUse { get; private set; }

    /// <summary>Cache size in bytes.</summary>
    public long? CacheSize { get; private set; }

    /// <summary>Cache usage in bytes.</summary>
    public long? CacheUsage { get; private set; }

    /// <summary>The <c>figures</c> object as the server sent it.</summary>
    public JsonElement Figures { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Collection.Name + " figures";

    internal static C8CollectionFigures FromJson(JsonElement e, string fabric)
    {
        var figures = JsonRead.Object(e, "figures") ?? default(JsonElement);
        var indexes = JsonRead.Object(figures, "indexes") ?? default(JsonElement);
        return new C8CollectionFigures
        {
            Collection = C8Collection.FromJson(e, fabric),
            Figures = figures,
            DocumentsSize = JsonRead.Long(figures, "documentsSize"),
            IndexCount = JsonRead.Long(indexes, "count"),
            IndexSize = JsonRead.Long(indexes, "size"),
            CacheInUse = JsonRead.OptionalBool(figures, "cacheInUse"),
            CacheSize = JsonRead.Long(figures, "cacheSize"),
            CacheUsage = JsonRead.Long(figures, "cacheUsage"),
        };
    }
}
