namespace PSC8.Server.Cluster;

/// <summary>
/// A secondary index of a collection, as created through the index API: metadata kept in the catalog (so every
/// region has it); each region's store builds its own copy from it. Type is the name it was created with
/// (persistent, hash and skiplist are one kind), as GDN reports it back.
/// </summary>
internal sealed record IndexInfo(
    long Id,
    long CollectionId,
    string Type,
    IReadOnlyList<string> Fields,
    bool Unique,
    bool Sparse,
    bool Deduplicate,
    string Name,
    double? ExpireAfter,
    bool GeoJson,
    int? MinLength)
{
    /// <summary>Persistent indexes and their aliases: the kind C8QL filters and sorts use.</summary>
    public bool IsPersistent => Type is "persistent" or "hash" or "skiplist";

    public bool IsTtl => Type == "ttl";

    public bool IsGeo => Type == "geo";

    public bool IsFulltext => Type == "fulltext";

    /// <summary>A persistent index over the members of an array (<c>fields: ["tags[*]"]</c>): one entry per member.</summary>
    public bool IsArray => IsPersistent && Fields[0].EndsWith(ArrayMarker, StringComparison.Ordinal);

    /// <summary>The attribute path whose array an array index holds (for other indexes, their first field).</summary>
    public string ArrayAttribute => IsArray ? Fields[0][..^ArrayMarker.Length] : Fields[0];

    /// <summary>Whether the region's copy is rows of the terms table rather than an expression index (see <see cref="Storage.TermIndexSql"/>).</summary>
    public bool HasTerms => IsFulltext || IsArray;

    public const string ArrayMarker = "[*]";
}
