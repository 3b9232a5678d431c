using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Access levels of users and API keys on fabrics and collections: the same sub-resources under
/// /key/{id}/… and /user/{id}/… . Reading one's own levels is allowed; everything else needs an admin.
/// </summary>
internal static class AccessEndpoints
{
    public static void Map(Router router, string prefix, Func<IncomingRequest, UserInfo> principalOf)
    {
        router.Map("GET", $"{prefix}/database", r => ListFabricsAsync(r, principalOf(r)));
        router.Map("GET", $"{prefix}/database/{{fabric}}", r => GetAsync(r, principalOf(r), collection: null));
        router.Map("PUT", $"{prefix}/database/{{fabric}}", r => SetAsync(r, principalOf(r), collection: null));
        router.Map("DELETE", $"{prefix}/database/{{fabric}}", r => ClearAsync(r, principalOf(r), collection: null));
        router.Map("GET", $"{prefix}/database/{{fabric}}/collection", r => ListCollectionsAsync(r, principalOf(r)));
        router.Map("GET", $"{prefix}/database/{{fabric}}/collection/{{collection}}", r => GetAsync(r, principalOf(r), r.Route("collection")));
        router.Map("PUT", $"{prefix}/database/{{fabric}}/collection/{{collection}}", r => SetAsync(r, principalOf(r), r.Route("collection")));
        router.Map("DELETE", $"{prefix}/database/{{fabric}}/collection/{{collection}}", r => ClearCollectionAsync(r, principalOf));
    }

    private static Security.Principal AsPrincipal(IncomingRequest request, UserInfo user) =>
        new(user.Id, request.Cluster.Options.Tenant, user.IsApiKey, user.ApiKeyParent);

    private static void RequireSelfOrAdmin(IncomingRequest request, UserInfo user)
    {
        if (request.Principal.UserId != user.Id)
        {
            request.Cluster.Access.RequireAdmin(request.Principal);
        }
    }

    /// <summary>The fabric named in the route; "*" stands for the default of every fabric.</summary>
    private static string FabricOf(IncomingRequest request)
    {
        var fabric = request.Route("fabric");
        if (fabric != Security.AccessControl.Wildcard && request.Cluster.Catalog.FindFabric(fabric) is null)
        {
            throw C8Errors.DatabaseNotFound(fabric);
        }
        return fabric;
    }

    private static Task ListFabricsAsync(IncomingRequest request, UserInfo user)
    {
        RequireSelfOrAdmin(request, user);
        var principal = AsPrincipal(request, user);
        var full = request.QueryBool("full", false);
        var result = new C8Object.Builder();
        foreach (var fabric in request.Cluster.Catalog.Fabrics())
        {
            var level = request.Cluster.Access.FabricLevel(principal, fabric.Name);
            if (!full)
            {
                result.Set(fabric.Name, S(level.ToWire()));
                continue;
            }
            var collections = new C8Object.Builder();
            foreach (var collection in request.Cluster.Catalog.Collections(fabric.Name))
            {
                collections.Set(collection.Name, S(request.Cluster.Access.CollectionLevel(principal, fabric.Name, collection.Name).ToWire()));
            }
            result.Set(fabric.Name, O(new C8Object.Builder().Set("permission", S(level.ToWire())).Set("collections", O(collections))));
        }
        return Responses.WriteResultAsync(request.Http, 200, O(result));
    }

    private static Task ListCollectionsAsync(IncomingRequest request, UserInfo user)
    {
        RequireSelfOrAdmin(request, user);
        var principal = AsPrincipal(request, user);
        var fabric = FabricOf(request);
        var result = new C8Object.Builder();
        foreach (var collection in request.Cluster.Catalog.Collections(fabric))
        {
            result.Set(collection.Name, S(request.Cluster.Access.CollectionLevel(principal, fabric, collection.Name).ToWire()));
        }
        if (request.Cluster.Catalog.FindGrant(user.Id, fabric, Security.AccessControl.Wildcard) is { } star)
        {
            result.Set(Security.AccessControl.Wildcard, S(star.ToWire()));
        }
        return Responses.WriteResultAsync(request.Http, 200, O(result));
    }

    private static Task GetAsync(IncomingRequest request, UserInfo user, string? collection)
    {
        RequireSelfOrAdmin(request, user);
        var principal = AsPrincipal(request, user);
        var fabric = FabricOf(request);
        var access = request.Cluster.Access;
        AccessLevel level;
        if (collection is null)
        {
            level = fabric == Security.AccessControl.Wildcard
                ? request.Cluster.Catalog.FindGrant(user.Id, fabric) ?? AccessLevel.None
                : access.FabricLevel(principal, fabric);
        }
        else
        {
            RequireCollectionExists(request, fabric, collection);
            // The level as configured: the collection's own, else the fabric's "*" default, else the fabric level. Access
            // checks go further (no level on the fabric denies every collection), but a driver reads back what it set.
            var catalog = request.Cluster.Catalog;
            level = principal.IsRoot ? AccessLevel.ReadWrite
                : (collection == Security.AccessControl.Wildcard ? null : catalog.FindGrant(user.Id, fabric, collection))
                    ?? catalog.FindGrant(user.Id, fabric, Security.AccessControl.Wildcard)
                    ?? access.FabricLevel(principal, fabric);
        }
        return Responses.WriteResultAsync(request.Http, 200, S(level.ToWire()));
    }

    private static async Task SetAsync(IncomingRequest request, UserInfo user, string? collection)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var fabric = FabricOf(request);
        if (collection is not null)
        {
            RequireCollectionExists(request, fabric, collection);
        }
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var grant = String(body, "grant");
        if (!AccessLevels.TryParse(grant, out var level))
        {
            throw C8Errors.BadRequest("'grant' must be \"rw\", \"ro\" or \"none\"");
        }
        request.Cluster.Catalog.SetGrant(user.Id, fabric, collection ?? "", level);
        var name = collection is null ? $"{request.Cluster.Options.Tenant}.{fabric}" : $"{fabric}/{collection}";
        await Responses.WriteEnvelopeAsync(request.Http, 200, w => w.WriteString(name, level.ToWire())).ConfigureAwait(false);
    }

    private static Task ClearAsync(IncomingRequest request, UserInfo user, string? collection)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var fabric = FabricOf(request);
        request.Cluster.Catalog.RemoveGrant(user.Id, fabric, collection ?? "");
        return Responses.WriteEnvelopeAsync(request.Http, 202, _ => { });
    }

    /// <summary>
    /// GDN looks the collection up before the user here, so an unknown collection is 404/1203 whoever is named
    /// (pyC8's test_permission_exceptions cassette); the other grant routes find the user first.
    /// </summary>
    private static Task ClearCollectionAsync(IncomingRequest request, Func<IncomingRequest, UserInfo> principalOf)
    {
        var collection = request.Route("collection");
        RequireCollectionExists(request, FabricOf(request), collection);
        return ClearAsync(request, principalOf(request), collection);
    }

    private static void RequireCollectionExists(IncomingRequest request, string fabric, string collection)
    {
        if (collection != Security.AccessControl.Wildcard && fabric != Security.AccessControl.Wildcard
            && request.Cluster.Catalog.FindCollection(fabric, collection) is null)
        {
            throw C8Errors.CollectionNotFound(collection);
        }
    }
}
