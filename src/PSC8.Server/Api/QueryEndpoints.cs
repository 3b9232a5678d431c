using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Running queries, as ArangoDB and GDN serve them: the queries running in a fabric, the slow ones that finished,
/// killing one (its caller gets 410/1500), and the tracking properties. A caller sees and kills its own queries; an
/// administrator every query of the fabric.
/// </summary>
internal static class QueryEndpoints
{
    public static void Map(Router router)
    {
        router.Map("GET", "query/current", CurrentAsync);
        router.Map("GET", "query/slow", SlowAsync);
        router.Map("DELETE", "query/slow", ClearSlowAsync);
        router.Map("GET", "query/properties", PropertiesAsync);
        router.Map("PUT", "query/properties", SetPropertiesAsync);
        router.Map("DELETE", "query/{id}", KillAsync);
    }

    private static (string Fabric, string Caller, bool Admin) Caller(IncomingRequest request, AccessLevel needed)
    {
        var fabric = RequestTarget.Resolve(request, needed).Fabric.Name;
        return (fabric, request.Principal.UserId, request.Cluster.Access.IsAdmin(request.Principal));
    }

    private static Task CurrentAsync(IncomingRequest request)
    {
        var (fabric, caller, admin) = Caller(request, AccessLevel.ReadOnly);
        var queries = request.Cluster.Queries;
        var running = queries.Properties.Enabled
            ? queries.Current(fabric, caller, admin).Select(q => queries.Describe(q, "executing"))
            : [];
        return Responses.WriteValueAsync(request.Http, 200, Array(running));
    }

    private static Task SlowAsync(IncomingRequest request)
    {
        var (fabric, caller, admin) = Caller(request, AccessLevel.ReadOnly);
        return Responses.WriteValueAsync(request.Http, 200, Array(request.Cluster.Queries.Slow(fabric, caller, admin)));
    }

    private static Task ClearSlowAsync(IncomingRequest request)
    {
        var (fabric, _, _) = Caller(request, AccessLevel.ReadWrite);
        request.Cluster.Queries.ClearSlow(fabric);
        return Responses.WriteEnvelopeAsync(request.Http, 200, _ => { });
    }

    private static Task KillAsync(IncomingRequest request)
    {
        var (fabric, caller, admin) = Caller(request, AccessLevel.ReadOnly);
        var id = request.Route("id");
        if (!request.Cluster.Queries.Kill(fabric, id, caller, admin))
        {
            throw new C8Exception(404, C8Errors.QueryNotFound, $"query with id '{id}' not found");
        }
        return Responses.WriteEnvelopeAsync(request.Http, 200, _ => { });
    }

    private static Task PropertiesAsync(IncomingRequest request)
    {
        Caller(request, AccessLevel.ReadOnly);
        return WritePropertiesAsync(request);
    }

    /// <summary>The properties are the server's, so changing them takes an administrator; members left out keep their value.</summary>
    private static async Task SetPropertiesAsync(IncomingRequest request)
    {
        Caller(request, AccessLevel.ReadOnly);
        request.Cluster.Access.RequireAdmin(request.Principal);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var queries = request.Cluster.Queries;
        var current = queries.Properties;
        queries.Properties = new QueryTrackingProperties(
            Bool(body, "enabled", current.Enabled),
            Bool(body, "trackSlowQueries", current.TrackSlowQueries),
            Bool(body, "trackBindVars", current.TrackBindVars),
            (int)Count(body, "maxSlowQueries", current.MaxSlowQueries, 10_000),
            Seconds(body, "slowQueryThreshold", current.SlowQueryThreshold),
            Seconds(body, "slowStreamingQueryThreshold", current.SlowStreamingQueryThreshold),
            (int)Count(body, "maxQueryStringLength", current.MaxQueryStringLength, 1 << 20));
        await WritePropertiesAsync(request).ConfigureAwait(false);
    }

    private static long Count(C8Object body, string name, long current, long max)
    {
        var value = Long(body, name) ?? current;
        return value is >= 0 && value <= max ? value : throw C8Errors.BadRequest($"'{name}' must be an integer from 0 to {max}");
    }

    private static double Seconds(C8Object body, string name, double current)
    {
        var value = body[name];
        return value.IsNull ? current
            : value.IsNumber && value.AsNumber >= 0 && value.AsNumber <= 86400 ? value.AsNumber
            : throw C8Errors.BadRequest($"'{name}' must be a number of seconds from 0 to 86400");
    }

    private static Task WritePropertiesAsync(IncomingRequest request)
    {
        var p = request.Cluster.Queries.Properties;
        return Responses.WriteEnvelopeAsync(request.Http, 200, w =>
        {
            w.WriteBoolean("enabled", p.Enabled);
            w.WriteBoolean("trackSlowQueries", p.TrackSlowQueries);
            w.WriteBoolean("trackBindVars", p.TrackBindVars);
            w.WriteNumber("maxSlowQueries", p.MaxSlowQueries);
            w.WriteNumber("slowQueryThreshold", p.SlowQueryThreshold);
            w.WriteNumber("slowStreamingQueryThreshold", p.SlowStreamingQueryThreshold);
            w.WriteNumber("maxQueryStringLength", p.MaxQueryStringLength);
        });
    }
}
