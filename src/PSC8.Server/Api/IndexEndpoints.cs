using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Indexes: list (the primary index first), get, create (persistent and its aliases hash and skiplist, ttl, geo,
/// fulltext; the generic form pyC8 and jsC8 post to <c>index?collection=</c>, and one path per type as the spec
/// has them), drop. Answers are shaped as pyC8's recordings of GDN show them (tests/cassettes/test_index).
/// </summary>
internal static class IndexEndpoints
{
    private static readonly string[] Types = ["persistent", "hash", "skiplist", "ttl", "geo", "fulltext"];

    // Creating checks for an equal index and then adds one: two requests at once must not both add it.
    private static readonly object CreateLock = new();

    public static void Map(Router router)
    {
        router.Map("GET", "index", ListAsync);
        router.Map("POST", "index", request => CreateAsync(request, typeOfPath: null));
        foreach (var type in Types.Append("general"))
        {
            router.Map("POST", "index/" + type, request => CreateAsync(request, type == "general" ? null : type));
        }
        router.Map("GET", "index/{collection}/{index}", GetAsync);
        router.Map("DELETE", "index/{collection}/{index}", DropAsync);
    }

    private static CollectionTarget CollectionOfQuery(IncomingRequest request, AccessLevel needed) =>
        CollectionTarget.Resolve(request, request.Query("collection") is { Length: > 0 } name ? name
            : throw C8Errors.BadRequest("the 'collection' query parameter is required"), needed);

    private static Task ListAsync(IncomingRequest request)
    {
        var collection = CollectionOfQuery(request, AccessLevel.ReadOnly).Collection;
        var all = All(request.Cluster.Catalog, collection).ToList();
        var identifiers = new C8Object.Builder(all.Count);
        foreach (var index in all)
        {
            identifiers.Set(index["id"].AsString, C8Value.From(index));
        }
        return Responses.WriteFlatAsync(request.Http, 200, new C8Object.Builder(2)
            .Set("indexes", Array(all.Select(C8Value.From)))
            .Set("identifiers", O(identifiers))
            .Build());
    }

    private static Task GetAsync(IncomingRequest request)
    {
        var target = CollectionTarget.Resolve(request, request.Route("collection"), AccessLevel.ReadOnly);
        var wanted = request.Route("index");
        var index = All(request.Cluster.Catalog, target.Collection).FirstOrDefault(i => Matches(i, target.Collection, wanted))
            ?? throw IndexNotFound();
        return Responses.WriteFlatAsync(request.Http, 200, index);
    }

    private static async Task CreateAsync(IncomingRequest request, string? typeOfPath)
    {
        var target = CollectionOfQuery(request, AccessLevel.ReadWrite);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var collection = target.Collection;
        var cluster = request.Cluster;
        var requested = IndexDefinition.Parse(body, typeOfPath, collection);
        C8Object answer;
        int status;
        lock (CreateLock)
        {
            var existing = cluster.Catalog.Indexes(collection.Id);
            if (existing.FirstOrDefault(i => IndexDefinition.SameAs(i, requested)) is { } same &&
                (requested.Name.Length == 0 || same.Name == requested.Name))
            {
                answer = Describe(collection, same);
                status = 200;
            }
            else
            {
                if (requested.Name.Length > 0 && (requested.Name == "primary" || existing.Any(i => i.Name == requested.Name)))
                {
                    throw new C8Exception(409, C8Errors.DuplicateName, $"duplicate value: an index named '{requested.Name}' already exists in collection '{collection.Name}'");
                }
                var id = cluster.Catalog.NextIndexId();
                var index = requested with
                {
                    Id = id,
                    Name = requested.Name.Length > 0 ? requested.Name : "idx_" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + id.ToString(CultureInfo.InvariantCulture),
                };
                Build(cluster, collection, index);
                cluster.Catalog.AddIndex(index);
                answer = Describe(collection, index);
                status = 201;
            }
        }
        await Responses.WriteFlatAsync(request.Http, status, new C8Object.Builder().AddRange(answer)
            .Set("isNewlyCreated", B(status == 201)).Build()).ConfigureAwait(false);
    }

    /// <summary>Builds the index in every region's store; a unique index over duplicate values is built nowhere.</summary>
    private static void Build(C8Cluster cluster, CollectionInfo collection, IndexInfo index)
    {
        var built = new List<Region>();
        try
        {
            foreach (var region in cluster.Regions)
            {
                region.Store.CreateIndex(index, collection.Id);
                built.Add(region);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            foreach (var region in built)
            {
                region.Store.DropIndex(index);
            }
            throw new C8Exception(409, C8Errors.UniqueConstraintViolated,
                $"unique constraint violated: the documents of collection '{collection.Name}' repeat a value of [{string.Join(", ", index.Fields)}]");
        }
    }

    private static async Task DropAsync(IncomingRequest request)
    {
        var target = CollectionTarget.Resolve(request, request.Route("collection"), AccessLevel.ReadWrite);
        var collection = target.Collection;
        var wanted = request.Route("index");
        var cluster = request.Cluster;
        if (Matches(Primary(collection), collection, wanted))
        {
            throw new C8Exception(403, C8Errors.Forbidden, "cannot drop the primary index");
        }
        var index = cluster.Catalog.Indexes(collection.Id).FirstOrDefault(i => Matches(Describe(collection, i), collection, wanted))
            ?? throw IndexNotFound();
        cluster.Catalog.RemoveIndex(index);
        foreach (var region in cluster.Regions)
        {
            region.Store.DropIndex(index);
        }
        await Responses.WriteFlatAsync(request.Http, 200, new C8Object.Builder(1).Set("id", S(IndexId(collection, index.Id))).Build()).ConfigureAwait(false);
    }

    private static C8Exception IndexNotFound() => new(404, C8Errors.IndexNotFound, "index not found");

    /// <summary>An index is named by its name, its number or its id (collection/number).</summary>
    private static bool Matches(C8Object index, CollectionInfo collection, string wanted) =>
        index["name"].AsString == wanted || index["id"].AsString == wanted || index["id"].AsString == collection.Name + "/" + wanted;

    private static IEnumerable<C8Object> All(Catalog catalog, CollectionInfo collection) =>
        catalog.Indexes(collection.Id).Select(i => Describe(collection, i)).Prepend(Primary(collection));

    private static string IndexId(CollectionInfo collection, long id) => collection.Name + "/" + id.ToString(CultureInfo.InvariantCulture);

    private static C8Object Primary(CollectionInfo collection) => new C8Object.Builder(7)
        .Set("fields", Strings(["_key"]))
        .Set("id", S(IndexId(collection, 0)))
        .Set("name", S("primary"))
        .Set("selectivityEstimate", N(1))
        .Set("sparse", B(false))
        .Set("type", S("primary"))
        .Set("unique", B(true))
        .Build();

    /// <summary>An index as GDN describes it: the attributes of its type, in the order pyC8's recordings show.</summary>
    public static C8Object Describe(CollectionInfo collection, IndexInfo index)
    {
        var builder = new C8Object.Builder(12);
        if (index.IsPersistent)
        {
            builder.Set("deduplicate", B(index.Deduplicate));
        }
        if (index.Type == "geo")
        {
            builder.Set("bestIndexedLevel", N(17));
        }
        if (index.IsTtl)
        {
            builder.Set("expireAfter", N(index.ExpireAfter ?? 0));
        }
        builder.Set("fields", Strings(index.Fields));
        if (index.Type == "geo")
        {
            builder.Set("geoJson", B(index.GeoJson));
        }
        builder.Set("id", S(IndexId(collection, index.Id)));
        if (index.Type == "geo")
        {
            builder.Set("maxNumCoverCells", N(8));
        }
        if (index.Type == "fulltext")
        {
            builder.Set("minLength", N(index.MinLength ?? 2));
        }
        builder.Set("name", S(index.Name));
        if (index.Type is not ("geo" or "fulltext"))
        {
            builder.Set("selectivityEstimate", N(1));
        }
        builder.Set("sparse", B(index.Sparse)).Set("type", S(index.Type)).Set("unique", B(index.Unique));
        if (index.Type == "geo")
        {
            builder.Set("worstIndexedLevel", N(4));
        }
        return builder.Build();
    }
}
