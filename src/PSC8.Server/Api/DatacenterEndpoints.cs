using PSC8.Server.Hosting;
using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>Regions as GDN's /datacenter endpoints show them, and marking a region spot-capable.</summary>
internal static class DatacenterEndpoints
{
    public static void Map(Router router)
    {
        router.Map("GET", "datacenter/all", r => Responses.WriteValueAsync(r.Http, 200, Array(r.Cluster.Regions.Select(g => Describe(r, g, full: true)))));
        router.Map("GET", "datacenter/local", r => Responses.WriteValueAsync(r.Http, 200, Describe(r, r.Region, full: true)));
        router.Map("GET", "datacenter/_tenant/{tenant}", TenantAsync);
        router.Map("GET", "datacenter/{name}", r => Responses.WriteValueAsync(r.Http, 200, Describe(r, Find(r, r.Route("name")), full: false)));
        router.Map("PUT", "datacenter/{name}/{spot}", SetSpotCapableAsync);
    }

    private static Task TenantAsync(IncomingRequest request)
    {
        if (request.Route("tenant") != request.Cluster.Options.Tenant)
        {
            throw new C8Exception(404, C8Errors.HttpNotFound, $"tenant '{request.Route("tenant")}' not found");
        }
        var regions = request.Cluster.Regions.Select(g =>
        {
            var item = new C8Object.Builder().Set("_id", S("_clusters/" + g.Name)).Set("_rev", S("_c8local"));
            item.AddRange(Describe(request, g, full: true).AsObject);
            return C8Value.From(item.Build());
        });
        var entry = new C8Object.Builder().Set("tenant", S(request.Cluster.Options.Tenant)).Set("dcInfo", Array(regions));
        return Responses.WriteValueAsync(request.Http, 200, Array([O(entry)]));
    }

    private static Task SetSpotCapableAsync(IncomingRequest request)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var region = Find(request, request.Route("name"));
        if (!QueryFlags.TryParseBool(request.Route("spot"), out var capable))
        {
            throw C8Errors.BadRequest($"'{request.Route("spot")}' is not true or false");
        }
        region.SpotCapable = capable;
        ClusterBootstrap.SaveSpotCapability(request.Cluster);
        return Responses.WriteValueAsync(request.Http, 200, O(new C8Object.Builder().Set("result", B(true))));
    }

    private static Region Find(IncomingRequest request, string name) =>
        request.Cluster.FindRegion(name) ?? request.Cluster.FindRegionByHost(name)
        ?? throw new C8Exception(404, C8Errors.DatacenterNotFound, "Datacenter does not exist");

    private static C8Value Describe(IncomingRequest request, Region region, bool full)
    {
        var place = request.Cluster.Options.Locations.GetValueOrDefault(region.Name, RegionLocation.Unknown);
        var location = new C8Object.Builder()
            .Set("city", S(place.City)).Set("countrycode", S(place.CountryCode)).Set("countryname", S(place.CountryName))
            .Set("latitude", S(place.Latitude)).Set("longitude", S(place.Longitude)).Set("url", S(region.Host));
        var item = new C8Object.Builder();
        if (full)
        {
            item.Set("_key", S(region.Name)).Set("host", S(region.Url?.Host ?? "127.0.0.1"));
        }
        item.Set("local", B(region == request.Region)).Set("name", S(region.Name));
        if (full)
        {
            item.Set("spot_region", B(region.SpotCapable));
        }
        item.Set("status", N(request.Cluster.Faults.IsIsolated(region.Name) ? 1 : 0))
            .Set("tags", O(new C8Object.Builder().Set("api", S(region.ApiHost)).Set("url", S(region.Host))))
            .Set("locationInfo", O(location));
        return O(item);
    }
}
