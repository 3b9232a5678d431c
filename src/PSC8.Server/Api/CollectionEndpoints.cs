using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>Collections: create (spot, local, edge, key generators), list, info, count, figures, properties, truncate, drop.</summary>
internal static class CollectionEndpoints
{
    private static readonly string[] KeyGenerators = ["traditional", "autoincrement", "padded", "uuid", "uuid64"];

    public static void Map(Router router)
    {
        router.Map("GET", "collection", ListAsync);
        router.Map("POST", "collection", CreateAsync);
        router.Map("GET", "collection/{name}", r => Responses.WriteFlatAsync(r.Http, 200, Info(Find(r, AccessLevel.ReadOnly).Collection)));
        router.Map("GET", "collection/{name}/properties", r => Responses.WriteFlatAsync(r.Http, 200, Properties(Find(r, AccessLevel.ReadOnly).Collection)));
        router.Map("PUT", "collection/{name}/properties", SetPropertiesAsync);
        router.Map("GET", "collection/{name}/count", CountAsync);
        router.Map("GET", "collection/{name}/figures", FiguresAsync);
        router.Map("PUT", "collection/{name}/truncate", TruncateAsync);
        router.Map("DELETE", "collection/{name}", DropAsync);
    }

    public static C8Object Info(CollectionInfo c) => new C8Object.Builder()
        .Set("id", S(c.Id.ToString(CultureInfo.InvariantCulture)))
        .Set("name", S(c.Name))
        .Set("status", N(3))
        .Set("type", N(c.Type))
        .Set("collectionModel", S(c.Model))
        .Set("isSpot", B(c.IsSpot))
        .Set("strongConsistency", B(c.IsSpot))
        .Set("isLocal", B(c.IsLocal))
        .Set("hasStream", B(c.HasStream))
        .Set("waitForSync", B(c.WaitForSync))
        .Set("isSystem", B(c.IsSystem))
        .Set("globallyUniqueId", S(c.GloballyUniqueId))
        .Set("searchEnabled", B(false))
        .Build();

    public static C8Object Properties(CollectionInfo c) => new C8Object.Builder()
        .AddRange(Info(c))
        .Set("statusString", S("loaded"))
        .Set("cacheEnabled", B(false))
        .Set("objectId", S(c.Id.ToString(CultureInfo.InvariantCulture)))
        .Set("keyOptions", O(new C8Object.Builder()
            .Set("allowUserKeys", B(c.KeyOptions.AllowUserKeys))
            .Set("type", S(c.KeyOptions.Type))
            .Set("lastValue", N(0))
            .Set("increment", N(c.KeyOptions.Increment))
            .Set("offset", N(c.KeyOptions.Offset))))
        .Build();

    private static CollectionTarget Find(IncomingRequest request, AccessLevel needed) =>
        CollectionTarget.Resolve(request, request.Route("name"), needed);

    private static Task ListAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly).Fabric;
        var excludeSystem = request.QueryBool("excludeSystem", false);
        var items = request.Cluster.Catalog.Collections(fabric.Name)
            .Where(c => !(excludeSystem && c.IsSystem))
            .Where(c => request.Cluster.Access.CollectionLevel(request.Principal, fabric.Name, c.Name) > AccessLevel.None)
            .Select(c => C8Value.From(Info(c)));
        return Responses.WriteResultAsync(request.Http, 200, Array(items));
    }

    private static async Task CreateAsync(IncomingRequest request)
    {
        var target = RequestTarget.Resolve(request, AccessLevel.ReadWrite);
        var fabric = target.Fabric;
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var name = String(body, "name") ?? throw C8Errors.BadRequest("'name' is required");
        var isSystem = Bool(body, "isSystem", false);
        FabricNames.ValidateCollection(name, isSystem);
        var type = (int)(Long(body, "type") ?? CollectionInfo.DocumentType);
        if (type is not (CollectionInfo.DocumentType or CollectionInfo.EdgeType))
        {
            throw C8Errors.BadRequest("'type' must be 2 (document) or 3 (edge)");
        }
        var spot = Bool(body, "isSpot", false) || Bool(body, "strongConsistency", false);
        var local = Bool(body, "isLocal", false);
        if (spot && local)
        {
            throw C8Errors.BadRequest("a collection cannot be both a spot collection and a local collection");
        }
        if (spot && !fabric.HasSpotRegion)
        {
            throw RequestTarget.NoSpotRegion(fabric);
        }
        var keyOptions = ParseKeyOptions(body["keyOptions"]);
        if (keyOptions.Type == "autoincrement" && !spot && !local)
        {
            // Dense counters need one writer: two regions inserting at once would hand out the same key.
            throw C8Errors.BadRequest("autoincrement keys need a single writer: use them on a spot or a local collection (global collections are written in every region)");
        }
        var collection = new CollectionInfo(
            request.Cluster.Catalog.NextCollectionId(), fabric.Name, name, type, spot, local,
            local ? target.Home.Name : null,
            HasStream: Bool(body, "stream", false) || Bool(body, "hasStream", false),
            WaitForSync: Bool(body, "waitForSync", false),
            IsSystem: isSystem,
            KeyOptions: keyOptions);
        if (!request.Cluster.Catalog.TryAddCollection(collection))
        {
            throw new C8Exception(409, C8Errors.DuplicateName, $"duplicate name: collection '{name}' already exists in fabric '{fabric.Name}'");
        }
        await Responses.WriteFlatAsync(request.Http, 200, Properties(collection)).ConfigureAwait(false);
    }

    private static KeyOptionsInfo ParseKeyOptions(C8Value value)
    {
        if (value.IsNull)
        {
            return KeyOptionsInfo.Traditional;
        }
        if (!value.IsObject)
        {
            throw C8Errors.BadRequest("'keyOptions' must be an object");
        }
        var options = value.AsObject;
        var type = String(options, "type") ?? "traditional";
        if (!KeyGenerators.Contains(type))
        {
            throw C8Errors.BadRequest($"'keyOptions.type' must be one of {string.Join(", ", KeyGenerators)}");
        }
        var increment = Long(options, "increment") ?? 1;
        var offset = Long(options, "offset") ?? 0;
        if (increment < 1 || offset < 0)
        {
            throw C8Errors.BadRequest("'keyOptions.increment' must be at least 1 and 'keyOptions.offset' at least 0");
        }
        return new KeyOptionsInfo(type, Bool(options, "allowUserKeys", true), increment, offset);
    }

    private static async Task SetPropertiesAsync(IncomingRequest request)
    {
        var collection = Find(request, AccessLevel.ReadWrite).Collection;
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        foreach (var attribute in body.Keys)
        {
            if (attribute is not ("waitForSync" or "hasStream"))
            {
                throw C8Errors.BadRequest($"'{attribute}' cannot be changed after creation; only waitForSync and hasStream can");
            }
        }
        var updated = collection with
        {
            WaitForSync = Bool(body, "waitForSync", collection.WaitForSync),
            HasStream = Bool(body, "hasStream", collection.HasStream),
        };
        request.Cluster.Catalog.UpdateCollection(updated);
        await Responses.WriteFlatAsync(request.Http, 200, Properties(updated)).ConfigureAwait(false);
    }

    private static async Task CountAsync(IncomingRequest request)
    {
        var target = Find(request, AccessLevel.ReadOnly);
        var count = await RegionExecutor.ReadAsync(target, t => t.Count(target.Collection)).ConfigureAwait(false);
        // Only these members, as GDN answers (pyC8's test_execute_query cassette).
        var c = target.Collection;
        await Responses.WriteFlatAsync(request.Http, 200, new C8Object.Builder()
            .Set("name", S(c.Name))
            .Set("isSystem", B(c.IsSystem))
            .Set("searchEnabled", B(false))
            .Set("id", S(c.Id.ToString(CultureInfo.InvariantCulture)))
            .Set("globallyUniqueId", S(c.GloballyUniqueId))
            .Set("count", N(count))
            .Build()).ConfigureAwait(false);
    }

    private static async Task FiguresAsync(IncomingRequest request)
    {
        var target = Find(request, AccessLevel.ReadOnly);
        var (count, bytes) = await RegionExecutor.ReadAsync(target, t =>
        {
            long n = 0, size = 0;
            foreach (var document in t.Scan(target.Collection))
            {
                n++;
                size += C8Json.SerializeToUtf8(C8Value.From(document)).Length;
            }
            return (n, size);
        }).ConfigureAwait(false);
        var figures = new C8Object.Builder()
            .Set("indexes", O(new C8Object.Builder().Set("count", N(1)).Set("size", N(count * 32))))
            .Set("viewIndexes", O(new C8Object.Builder().Set("count", N(0)).Set("size", N(0))))
            .Set("documentsSize", N(bytes))
            .Set("cacheInUse", B(false)).Set("cacheSize", N(0)).Set("cacheUsage", N(0));
        // GDN's figures answer has collectionModel 0 where the other answers say "DOC", and neither status nor type
        // (pyC8's test_collection_figures cassette).
        var answer = new C8Object.Builder();
        foreach (var (name, value) in Properties(target.Collection))
        {
            if (name is not ("status" or "type"))
            {
                answer.Set(name, name == "collectionModel" ? N(0) : value);
            }
        }
        await Responses.WriteFlatAsync(request.Http, 200, answer.Set("count", N(count)).Set("figures", O(figures)).Build()).ConfigureAwait(false);
    }

    private static async Task TruncateAsync(IncomingRequest request)
    {
        var target = Find(request, AccessLevel.ReadWrite);
        await RegionExecutor.WriteAsync(target, t =>
        {
            t.Truncate(target.Collection);
            return 0;
        }).ConfigureAwait(false);
        await Responses.WriteFlatAsync(request.Http, 200, Info(target.Collection)).ConfigureAwait(false);
    }

    private static Task DropAsync(IncomingRequest request)
    {
        var collection = Find(request, AccessLevel.ReadWrite).Collection;
        if (collection.IsSystem && !request.QueryBool("isSystem", false))
        {
            throw new C8Exception(403, C8Errors.Forbidden, $"'{collection.Name}' is a system collection: pass isSystem=true to drop it");
        }
        RemoveEverywhere(request.Cluster, collection);
        return Responses.WriteEnvelopeAsync(request.Http, 200, w => w.WriteString("id", collection.Id.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Drops a collection: its metadata, then its documents in every region.</summary>
    public static void RemoveEverywhere(C8Cluster cluster, CollectionInfo collection)
    {
        cluster.Catalog.RemoveCollection(collection);
        foreach (var region in cluster.Regions)
        {
            region.Store.Write(writer =>
            {
                writer.Clear(collection.Id, resetKeys: true);
                return 0;
            });
        }
    }
}
