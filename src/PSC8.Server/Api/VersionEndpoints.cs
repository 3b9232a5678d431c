using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// <c>GET /_api/version</c> and its <c>/_fabric/{f}</c> form: <c>{server: "C8DB", version, license}</c> as the published
/// API shows it (get_api_return_rc_200); <c>?details=true</c> adds a <c>details</c> object.
/// </summary>
internal static class VersionEndpoints
{
    private static readonly string Version = (typeof(VersionEndpoints).Assembly.GetName().Version ?? new Version(0, 1, 0)).ToString(3) + "-c8local";

    public static void Map(Router router) => router.Map("GET", "version", WriteAsync);

    private static Task WriteAsync(IncomingRequest request)
    {
        if (request.Path.FabricGiven)
        {
            RequestTarget.Resolve(request, AccessLevel.ReadOnly);
        }
        var answer = new C8Object.Builder()
            .Set("server", S("C8DB"))
            .Set("version", S(Version))
            .Set("license", S("Macrometa"));
        if (request.QueryBool("details", false))
        {
            var details = new C8Object.Builder()
                .Set("mode", S("server"))
                .Set("region", S(request.Region.Name))
                .Set("regions", N(request.Cluster.Regions.Count));
            if (request.Cluster.Options is { AdvertiseExtensions: true, StrictApi: false })
            {
                details.Set("overwriteMode", S("supported"));
            }
            answer.Set("details", O(details));
        }
        return Responses.WriteValueAsync(request.Http, 200, C8Value.From(answer.Build()));
    }
}
