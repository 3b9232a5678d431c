using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>API keys: create (the secret is shown once and stored only as a hash), list, get, delete, validate, access levels.</summary>
internal static partial class KeyEndpoints
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex KeyId();

    public static void Map(Router router)
    {
        router.Map("POST", "key/validate", ValidateAsync);
        router.Map("POST", "key", CreateAsync);
        router.Map("GET", "key", ListAsync);
        router.Map("GET", "key/{keyid}", r => Responses.WriteFlatAsync(r.Http, 200, UserEndpoints.Record(r, Find(r, selfAllowed: true), withKey: true)));
        router.Map("DELETE", "key/{keyid}", DeleteAsync);
        AccessEndpoints.Map(router, "key/{keyid}", r => Find(r, selfAllowed: true));
        AttributeEndpoints.Map(router, "key/{keyid}", Find);
    }

    private static UserInfo Find(IncomingRequest request, bool selfAllowed)
    {
        var id = request.Route("keyid");
        var key = request.Cluster.Catalog.FindUser(id);
        if (key is not { IsApiKey: true })
        {
            throw new C8Exception(404, C8Errors.InvalidApiKeyId, "invalid api key id");
        }
        if (!(selfAllowed && request.Principal.UserId == id))
        {
            request.Cluster.Access.RequireAdmin(request.Principal);
        }
        return key;
    }

    private static async Task CreateAsync(IncomingRequest request)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var keyId = String(body, "keyid") ?? throw C8Errors.BadRequest("'keyid' is required");
        if (!KeyId().IsMatch(keyId))
        {
            throw new C8Exception(400, C8Errors.InvalidApiKeyIdentifier,
                "API key identifier must start with a letter and can only contain letters, digits and underscores (at most 64)");
        }
        var cluster = request.Cluster;
        var parent = UserEndpoints.ParentId(String(body, "user")) ?? request.Principal.OwnerId;
        if (cluster.Catalog.FindUser(parent) is not { IsApiKey: false })
        {
            throw new C8Exception(404, C8Errors.UserNotFound, "user not found");
        }
        var secret = Passwords.NewSecret();
        var key = new UserInfo(keyId, $"{keyId}@apikey", null, Active: true, DisplayName: keyId, ExtraJson: "{}",
            ApiKeyParent: parent, ApiKeyHash: Passwords.HashSecret(secret), AttributesJson: "{}");
        if (cluster.Catalog.AddUser(key) != UserConflict.None)
        {
            throw new C8Exception(409, C8Errors.DuplicateName, $"duplicate name: an API key or user '{keyId}' already exists");
        }
        var tenant = cluster.Options.Tenant;
        await Responses.WriteEnvelopeAsync(request.Http, 201, w =>
        {
            w.WriteString("key", $"{tenant}.{keyId}.{secret}");
            w.WriteString("keyid", keyId);
            w.WriteString("tenant", tenant);
            w.WriteString("user", $"{tenant}.{parent}");
        }).ConfigureAwait(false);
    }

    private static Task ListAsync(IncomingRequest request)
    {
        var cluster = request.Cluster;
        var admin = cluster.Access.IsAdmin(request.Principal);
        var user = UserEndpoints.ParentId(request.Query("user"));
        var tenant = cluster.Options.Tenant;
        var keys = cluster.Catalog.Users()
            .Where(u => u.IsApiKey && (admin || u.Id == request.Principal.UserId) && (user is null || u.ApiKeyParent == user))
            .Select(u => O(new C8Object.Builder().Set("keyid", S(u.Id)).Set("user", S($"{tenant}.{u.ApiKeyParent}")).Set("tenant", S(tenant))));
        return Responses.WriteResultAsync(request.Http, 200, Array(keys));
    }

    private static Task DeleteAsync(IncomingRequest request)
    {
        var key = Find(request, selfAllowed: false);
        request.Cluster.Catalog.RemoveUser(key.Id);
        return Responses.WriteEnvelopeAsync(request.Http, 202, _ => { });
    }

    private static async Task ValidateAsync(IncomingRequest request)
    {
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var cluster = request.Cluster;
        var principal = String(body, "apikey") is { } apikey ? cluster.Authenticator.FromApiKey(apikey)
            : String(body, "jwt") is { } jwt ? cluster.Authenticator.FromToken(jwt)
            : throw C8Errors.BadRequest("give 'apikey' or 'jwt'");
        if (principal is null)
        {
            throw new C8Exception(401, C8Errors.Forbidden, "invalid credentials");
        }
        var tenant = cluster.Options.Tenant;
        var entry = new C8Object.Builder()
            .Set("keyid", S(principal.IsApiKey ? principal.UserId : ""))
            .Set("user", S(principal.UserId))
            .Set("parent", S(principal.ParentUserId is { } p ? $"{tenant}.{p}" : ""))
            .Set("tenant", S(tenant))
            .Set("limitRequestsPerSec", N(0));
        await Responses.WriteResultAsync(request.Http, 200, Array([O(entry)])).ConfigureAwait(false);
    }
}
