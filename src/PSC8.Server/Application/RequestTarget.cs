using PSC8.Server.Query;

namespace PSC8.Server.Application;

/// <summary>
/// What a request acts on, resolved once for every route: the fabric, whether the spot region must serve it, the
/// region that does (its home) and the caller's access, checked. <see cref="CollectionTarget"/> adds the collection.
/// </summary>
internal record RequestTarget(IncomingRequest Request, FabricInfo Fabric, bool Spot)
{
    /// <summary>
    /// For a stored query that someone other than the caller saved: that principal, whose rights bound the caller's,
    /// so a query can never do more than both whoever saved it and whoever runs it may.
    /// </summary>
    public Principal? SavedBy { get; init; }

    /// <summary>The fabric of the request path, with the caller's level on it checked (404 before 403).</summary>
    public static RequestTarget Resolve(IncomingRequest request, AccessLevel needed)
    {
        var cluster = request.Cluster;
        var fabric = cluster.Catalog.FindFabric(request.Fabric) ?? throw C8Errors.DatabaseNotFound(request.Fabric);
        cluster.Access.RequireFabric(request.Principal, fabric.Name, needed);
        return new RequestTarget(request, fabric, Spot: false);
    }

    /// <summary>
    /// The region that serves the request: for spot requests the fabric's spot region (a 400 when it has none);
    /// for everything else the receiving region when it belongs to the fabric, else the fabric's first region.
    /// </summary>
    public Region Home
    {
        get
        {
            var cluster = Request.Cluster;
            if (Spot)
            {
                return Fabric.HasSpotRegion ? cluster.Region(Fabric.SpotRegion) : throw NoSpotRegion(Fabric);
            }
            return Fabric.Regions.Contains(Request.Region.Name) ? Request.Region : cluster.Region(Fabric.Regions[0]);
        }
    }

    /// <summary>
    /// The target of a query: the spot region when the query names a spot collection, or may read a collection it
    /// only learns at run time (DOCUMENT('c/k'), COLLECTION_COUNT(x)…) and the fabric has spot collections.
    /// </summary>
    public RequestTarget ForQuery(PreparedQuery query)
    {
        var catalog = Request.Cluster.Catalog;
        var spot = query.Collections.Any(name => catalog.FindCollection(Fabric.Name, name)?.IsSpot == true) ||
            (query.ReadsCollectionsByValue && catalog.Collections(Fabric.Name).Any(c => c.IsSpot));
        return spot ? this with { Spot = true } : this;
    }

    /// <summary>
    /// The target as it stands once the request holds the fabric's spot gate: the spot region may have moved while
    /// the request waited (for the gate, or on the link to the old spot region). Nothing else a wait can change
    /// decides where the request runs.
    /// </summary>
    public RequestTarget Current()
    {
        if (!Spot)
        {
            return this;
        }
        var fabric = Request.Cluster.Catalog.FindFabric(Fabric.Name) ?? throw C8Errors.DatabaseNotFound(Fabric.Name);
        return fabric.SpotRegion == Fabric.SpotRegion ? this : this with { Fabric = fabric };
    }

    /// <summary>The secondary indexes of the fabric's collections, by collection name, for the query engine.</summary>
    public IReadOnlyList<IndexInfo> Indexes(string collection)
    {
        var catalog = Request.Cluster.Catalog;
        return catalog.FindCollection(Fabric.Name, collection) is { } info ? catalog.Indexes(info.Id) : [];
    }

    /// <summary>Checked in the home region's transaction, before the work runs; a fabric target needs nothing more.</summary>
    public virtual void RequireServed()
    {
    }

    public static C8Exception NoSpotRegion(FabricInfo fabric) =>
        new(400, C8Errors.BadParameter, $"fabric '{fabric.Name}' has no spot region, so it cannot hold spot collections: create the fabric with a spot region (spotDc)");
}

/// <summary>A collection route's target: the fabric (read access is enough), then the collection and the caller's level on it.</summary>
internal sealed record CollectionTarget(IncomingRequest Request, FabricInfo Fabric, CollectionInfo Collection)
    : RequestTarget(Request, Fabric, Collection.IsSpot)
{
    public static CollectionTarget Resolve(IncomingRequest request, string name, AccessLevel needed)
    {
        var fabric = Resolve(request, AccessLevel.ReadOnly).Fabric;
        var cluster = request.Cluster;
        var collection = cluster.Catalog.FindCollection(fabric.Name, name) ?? throw C8Errors.CollectionNotFound(name);
        cluster.Access.RequireCollection(request.Principal, fabric.Name, name, needed);
        return new CollectionTarget(request, fabric, collection);
    }

    /// <summary>
    /// The collection may have been dropped while the request waited (checked inside the transaction, so a drop
    /// either sees this write or prevents it); a local collection is served by its own region alone.
    /// </summary>
    public override void RequireServed()
    {
        if (Request.Cluster.Catalog.FindCollectionById(Collection.Id) is null)
        {
            throw C8Errors.CollectionNotFound(Collection.Name);
        }
        if (!Collection.IsLocal)
        {
            return;
        }
        var home = Home;
        if (Collection.LocalRegion != home.Name)
        {
            throw new C8Exception(404, C8Errors.CollectionNotFoundNum,
                $"collection '{Collection.Name}' is local to region '{Collection.LocalRegion}' and is not served by '{home.Name}'");
        }
    }
}
