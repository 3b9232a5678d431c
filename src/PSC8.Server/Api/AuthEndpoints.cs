using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>POST /_open/auth (email or tenant+username, with password) and the open health check.</summary>
internal static class AuthEndpoints
{
    public static void Map(Router router)
    {
        router.Map("POST", "_open/auth", LoginAsync, RouteAccess.Open);
        router.Map("GET", "_open/health", request => Responses.WriteValueAsync(request.Http, 200,
            O(new C8Object.Builder().Set("status", S("ok")).Set("region", S(request.Region.Name)))), RouteAccess.Open);
    }

    private static async Task LoginAsync(IncomingRequest request)
    {
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var password = String(body, "password") ?? throw C8Errors.BadRequest("'password' is required");
        var email = String(body, "email");
        var username = String(body, "username");
        var tenant = String(body, "tenant");
        if (email is null && username is null)
        {
            throw C8Errors.BadRequest("give 'email', or 'tenant' and 'username'");
        }
        var cluster = request.Cluster;
        var user = cluster.Authenticator.Login(new LoginAttempt(email, email is null ? username : null, tenant, password, ClientAddress(request)));
        var jwt = cluster.Tokens.Issue(user.Id, cluster.Options.Tenant, JwtTokens.PasswordStamp(user.PasswordHash));
        await Responses.WriteValueAsync(request.Http, 200, O(new C8Object.Builder()
            .Set("jwt", S(jwt)).Set("tenant", S(cluster.Options.Tenant)).Set("username", S(user.Id)))).ConfigureAwait(false);
    }

    public static System.Net.IPAddress? ClientAddress(IncomingRequest request) => request.Http.Connection.RemoteIpAddress;
}
