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
}
