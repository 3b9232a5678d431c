using PSC8.Server.Hosting;
using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// C8 Local's own admin endpoint (not part of GDN) for demos and fault tests: GET/PUT /_api/c8local/faults
/// with {"replicationDelay":"150ms","linkLatency":"20ms","isolated":["eu-central"]}. Admins only.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(Router router)
    {
        router.Map("GET", "c8local/faults", r =>
        {
            r.Cluster.Access.RequireAdmin(r.Principal);
            return Responses.WriteResultAsync(r.Http, 200, Describe(r));
        });
        router.Map("PUT", "c8local/faults", SetAsync);
    }

    private static async Task SetAsync(IncomingRequest request)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var faults = request.Cluster.Faults;
        TimeSpan? Duration(string name)
        {
            var text = String(body, name);
            try
            {
                return text is null ? null : CommandLine.ParseDuration(text, name);
            }
            catch (ArgumentException e)
            {
                throw C8Errors.BadRequest(e.Message);
            }
        }
        var delay = Duration("replicationDelay");
        var latency = Duration("linkLatency");
        var isolated = body["isolated"];
        if (!isolated.IsNull)
        {
            if (!isolated.IsArray || isolated.AsArray.Any(v => !v.IsString || request.Cluster.FindRegion(v.AsString) is null))
            {
                throw C8Errors.BadRequest("'isolated' must be an array of region names");
            }
            var wanted = isolated.AsArray.Select(v => v.AsString).ToHashSet();
            foreach (var region in request.Cluster.Regions)
            {
                faults.SetIsolated(region.Name, wanted.Contains(region.Name));
            }
        }
        faults.Update(delay, latency);
        await Responses.WriteResultAsync(request.Http, 200, Describe(request)).ConfigureAwait(false);
    }

    private static C8Value Describe(IncomingRequest request)
    {
        var faults = request.Cluster.Faults;
        return O(new C8Object.Builder()
            .Set("replicationDelay", S($"{faults.ReplicationDelay.TotalMilliseconds}ms"))
            .Set("linkLatency", S($"{faults.LinkLatency.TotalMilliseconds}ms"))
            .Set("isolated", Strings(faults.Isolated.OrderBy(n => n, StringComparer.Ordinal))));
    }
}
