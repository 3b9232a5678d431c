using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>Geo-fabrics: list, create with a spot region, properties, metadata, delete, and moving the spot region.</summary>
internal static class FabricEndpoints
{
    public static void Map(Router router)
    {
        router.Map("GET", "database", ListNamesAsync);
        router.Map("GET", "database/user", ListForUserAsync);
        router.Map("GET", "database/current", r => Responses.WriteResultAsync(r.Http, 200, Describe(r.Cluster, RequestTarget.Resolve(r, AccessLevel.ReadOnly).Fabric)));
        router.Map("GET", "database/metadata", r => Responses.WriteResultAsync(r.Http, 200, Describe(r.Cluster, RequestTarget.Resolve(r, AccessLevel.ReadOnly).Fabric)));
        router.Map("PUT", "database/metadata", r => SetMetadataAsync(r, merge: false));
        router.Map("PATCH", "database/metadata", r => SetMetadataAsync(r, merge: true));
        router.Map("POST", "database", CreateAsync);
        router.Map("DELETE", "database/{name}", DeleteAsync);
        router.Map("PUT", "database/{region}", MoveSpotRegionAsync);
    }

    public static C8Value Describe(C8Cluster cluster, FabricInfo fabric)
    {
        var tenant = cluster.Options.Tenant;
        var options = new C8Object.Builder()
            .Set("associated_regions", Strings(fabric.Regions))
            .Set("clusters", Strings(fabric.Regions))
            .Set("dcList", S(string.Join(',', fabric.Regions)))
            .Set("dynamo_local_tables", B(false))
            .Set("metadata", Parse(fabric.MetadataJson))
            .Set("name", S($"{tenant}.{fabric.Name}"))
            .Set("realTime", B(true))
            .Set("spotDc", S(fabric.SpotRegion))
            .Set("status", S("available"))
            .Set("tenant", S(tenant));
        return O(new C8Object.Builder().Set("name", S(fabric.Name)).Set("options", O(options)).Set("isSystem", B(fabric.IsSystem)));
    }

    private static IEnumerable<FabricInfo> Visible(IncomingRequest request) =>
        request.Cluster.Catalog.Fabrics().Where(f => request.Cluster.Access.FabricLevel(request.Principal, f.Name) > AccessLevel.None);

    private static Task ListNamesAsync(IncomingRequest request)
    {
        RequireCurrentFabric(request);
        return Responses.WriteResultAsync(request.Http, 200, Strings(Visible(request).Select(f => f.Name)));
    }

    private static Task ListForUserAsync(IncomingRequest request)
    {
        RequireCurrentFabric(request);
        return Responses.WriteResultAsync(request.Http, 200, Array(Visible(request).Select(f => Describe(request.Cluster, f))));
    }

    private static async Task CreateAsync(IncomingRequest request)
    {
        RequireSystemFabric(request);
        request.Cluster.Access.RequireAdmin(request.Principal);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var name = String(body, "name") ?? throw C8Errors.BadRequest("'name' is required");
        FabricNames.ValidateFabric(name);
        var options = body["options"];
        if (!options.IsNull && !options.IsObject)
        {
            throw C8Errors.BadRequest("'options' must be an object");
        }
        var cluster = request.Cluster;
        var regions = ParseRegionList(cluster, options["dcList"]);
        if (regions.Count == 0)
        {
            regions.Add(request.Region.Name);
        }
        var spot = ChooseSpotRegion(cluster, options.IsObject && options.AsObject.ContainsKey("spotDc"), options["spotDc"], regions);
        if (spot.Length > 0 && !regions.Contains(spot))
        {
            regions.Add(spot);
        }
        var metadata = options["metadata"];
        if (!metadata.IsNull && !metadata.IsObject)
        {
            throw C8Errors.BadRequest("'options.metadata' must be an object");
        }
        var fabric = new FabricInfo(name, regions, spot, metadata.IsNull ? null : C8Json.Serialize(metadata), IsSystem: false);
        if (!cluster.Catalog.TryAddFabric(fabric))
        {
            throw new C8Exception(409, C8Errors.DuplicateName, $"duplicate database name '{cluster.Options.Tenant}.{name}'");
        }
        await Responses.WriteResultAsync(request.Http, 201, B(true)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(IncomingRequest request)
    {
        RequireSystemFabric(request);
        request.Cluster.Access.RequireAdmin(request.Principal);
        var name = request.Route("name");
        var cluster = request.Cluster;
        var fabric = cluster.Catalog.FindFabric(name) ?? throw C8Errors.DatabaseNotFound(name);
        if (fabric.IsSystem)
        {
            throw new C8Exception(403, C8Errors.Forbidden, "the _system fabric cannot be removed");
        }
        var gate = cluster.SpotGate(name);
        gate.EnterWriteLock();
        try
        {
            var collections = cluster.Catalog.RemoveFabric(name);
            foreach (var region in cluster.Regions)
            {
                region.Store.Write(writer =>
                {
                    foreach (var collection in collections)
                    {
                        writer.Clear(collection.Id, resetKeys: true);
                    }
                    return 0;
                });
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
        return Responses.WriteResultAsync(request.Http, 200, B(true));
    }

    private static async Task SetMetadataAsync(IncomingRequest request, bool merge)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadWrite).Fabric;
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var given = body["metadata"];
        if (!given.IsObject)
        {
            throw C8Errors.BadRequest("'metadata' must be an object");
        }
        var current = Parse(fabric.MetadataJson);
        var next = merge && current.IsObject
            ? new C8Object.Builder().AddRange(current.AsObject).AddRange(given.AsObject).Build()
            : given.AsObject;
        request.Cluster.Catalog.UpdateFabric(fabric with { MetadataJson = C8Json.Serialize(C8Value.From(next)) });
        await Responses.WriteResultAsync(request.Http, 201, B(true)).ConfigureAwait(false);
    }

    /// <summary>Moves the spot region: spot collections' data is copied to the new region while spot traffic waits.</summary>
    private static Task MoveSpotRegionAsync(IncomingRequest request)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var cluster = request.Cluster;
        var fabric = cluster.Catalog.FindFabric(request.Fabric) ?? throw C8Errors.DatabaseNotFound(request.Fabric);
        var target = ResolveRegion(cluster, request.Route("region"));
        if (!target.SpotCapable)
        {
            throw C8Errors.BadRequest($"region '{target.Name}' is not spot-capable");
        }
        var gate = cluster.SpotGate(fabric.Name);
        gate.EnterWriteLock();
        try
        {
            fabric = cluster.Catalog.FindFabric(fabric.Name) ?? throw C8Errors.DatabaseNotFound(fabric.Name);
            if (fabric.SpotRegion != target.Name)
            {
                if (fabric.HasSpotRegion)
                {
                    CopySpotData(cluster, fabric, cluster.Region(fabric.SpotRegion).Store, target.Store);
                }
                var regions = fabric.Regions.Contains(target.Name) ? fabric.Regions : fabric.Regions.Append(target.Name).ToList();
                cluster.Catalog.UpdateFabric(fabric with { SpotRegion = target.Name, Regions = regions });
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
        return Responses.WriteResultAsync(request.Http, 200, B(true));
    }

    private static void CopySpotData(C8Cluster cluster, FabricInfo fabric, Storage.RegionStore from, Storage.RegionStore to)
    {
        var spotCollections = cluster.Catalog.Collections(fabric.Name).Where(c => c.IsSpot).ToList();
        using var session = from.OpenReadSession();
        to.Write(writer =>
        {
            foreach (var collection in spotCollections)
            {
                writer.Clear(collection.Id, resetKeys: false);
                foreach (var document in session.Reader.Scan(collection.Id))
                {
                    writer.Put(collection.Id, document.Key, document.Stamp, document.Origin, document.Body);
                }
            }
            return 0;
        });
    }

    private static List<string> ParseRegionList(C8Cluster cluster, C8Value dcList)
    {
        IEnumerable<string> names = dcList.Type switch
        {
            C8Type.Null => [],
            C8Type.String => dcList.AsString.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            C8Type.Array => dcList.AsArray.Select(v => v.TryGetString(out var s) ? s : throw C8Errors.BadRequest("'dcList' entries must be region names")),
            _ => throw C8Errors.BadRequest("'dcList' must be a comma-separated string or an array of region names"),
        };
        return names.Select(n => ResolveRegion(cluster, n).Name).Distinct().ToList();
    }

    /// <summary>spotDc omitted: a random spot-capable region of the fabric; "": none; otherwise a region name or host.</summary>
    private static string ChooseSpotRegion(C8Cluster cluster, bool given, C8Value spotDc, List<string> regions)
    {
        if (!given)
        {
            var capable = regions.Where(r => cluster.Region(r).SpotCapable).ToList();
            return capable.Count == 0 ? "" : capable[Random.Shared.Next(capable.Count)];
        }
        if (!spotDc.TryGetString(out var text))
        {
            throw C8Errors.BadRequest("'spotDc' must be a region name or \"\"");
        }
        if (text.Length == 0)
        {
            return "";
        }
        var region = ResolveRegion(cluster, text);
        return region.SpotCapable ? region.Name : throw C8Errors.BadRequest($"region '{region.Name}' is not spot-capable");
    }

    private static Region ResolveRegion(C8Cluster cluster, string nameOrHost) =>
        cluster.FindRegion(nameOrHost) ?? cluster.FindRegionByHost(nameOrHost)
        ?? throw C8Errors.BadRequest($"unknown region '{nameOrHost}': this C8 Local has {string.Join(", ", cluster.Regions.Select(r => r.Name))}");

    private static void RequireCurrentFabric(IncomingRequest request)
    {
        if (request.Cluster.Catalog.FindFabric(request.Fabric) is null)
        {
            throw C8Errors.DatabaseNotFound(request.Fabric);
        }
    }

    private static void RequireSystemFabric(IncomingRequest request)
    {
        RequireCurrentFabric(request);
        if (request.Fabric != FabricNames.System)
        {
            throw new C8Exception(403, C8Errors.OnlySystemDatabase, "operation only allowed in system database");
        }
    }
}
