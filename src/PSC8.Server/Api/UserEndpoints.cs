using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Users: create, list, get, update, delete, and their access levels. Listing returns everyone to admins
/// and the caller's own record (for a key, its parent's) to anyone else — pyC8 reads the tenant from it.
/// </summary>
internal static class UserEndpoints
{
    public static void Map(Router router)
    {
        router.Map("GET", "user", ListAsync);
        router.Map("POST", "user", CreateAsync);
        router.Map("GET", "user/{user}", r => Responses.WriteFlatAsync(r.Http, 200, Record(r, Find(r, selfAllowed: true), withKey: true)));
        router.Map("PATCH", "user/{user}", UpdateAsync);
        router.Map("DELETE", "user/{user}", DeleteAsync);
        AccessEndpoints.Map(router, "user/{user}", r => Find(r, selfAllowed: true));
        AttributeEndpoints.Map(router, "user/{user}", Find);
    }

    /// <summary>User ids may be given bare ("root") or tenant-qualified ("tenant.root").</summary>
    public static string? ParentId(string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }
        var dot = user.LastIndexOf('.');
        return dot >= 0 ? user[(dot + 1)..] : user;
    }

    public static C8Object Record(IncomingRequest request, UserInfo user, bool withKey)
    {
        var tenant = request.Cluster.Options.Tenant;
        var record = new C8Object.Builder()
            .Set("tenant", S(tenant))
            .Set("user", S(user.Id))
            .Set("email", S(user.Email))
            .Set("active", B(user.Active))
            .Set("displayName", S(user.DisplayName))
            .Set("extra", Parse(user.ExtraJson));
        if (withKey)
        {
            // GDN puts a hash here; C8 Local's would be the key secret's, which must never leave the server.
            record.Set("apikey", O(new C8Object.Builder()
                .Set("hash", S(""))
                .Set("parent", S(user.ApiKeyParent is { } parent ? $"{tenant}.{parent}" : ""))));
        }
        return record.Build();
    }

    private static UserInfo Find(IncomingRequest request, bool selfAllowed)
    {
        var id = ParentId(request.Route("user"))!;
        var user = request.Cluster.Catalog.FindUser(id);
        if (user is null || user.IsApiKey)
        {
            throw new C8Exception(404, C8Errors.UserNotFound, "user not found");
        }
        if (!(selfAllowed && request.Principal.OwnerId == id && !request.Principal.IsApiKey))
        {
            request.Cluster.Access.RequireAdmin(request.Principal);
        }
        return user;
    }

    private static Task ListAsync(IncomingRequest request)
    {
        var cluster = request.Cluster;
        var admin = cluster.Access.IsAdmin(request.Principal);
        var users = cluster.Catalog.Users()
            .Where(u => !u.IsApiKey && (admin || u.Id == request.Principal.OwnerId))
            .Select(u => C8Value.From(Record(request, u, withKey: false)));
        return Responses.WriteResultAsync(request.Http, 200, Array(users));
    }

    private static async Task CreateAsync(IncomingRequest request)
    {
        request.Cluster.Access.RequireAdmin(request.Principal);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var email = String(body, "email") ?? throw C8Errors.BadRequest("'email' is required");
        var password = String(body, "passwd") ?? String(body, "password") ?? throw C8Errors.BadRequest("'passwd' is required");
        var extra = body["extra"];
        if (!extra.IsNull && !extra.IsObject)
        {
            throw C8Errors.BadRequest("'extra' must be an object");
        }
        var id = String(body, "user") ?? "u" + Passwords.NewSecret(9).Replace("-", "", StringComparison.Ordinal);
        var user = new UserInfo(id, email, Passwords.Hash(password), Bool(body, "active", true),
            String(body, "displayName") ?? email, extra.IsNull ? "{}" : C8Json.Serialize(extra), null, null, "{}");
        ThrowIfConflict(request.Cluster.Catalog.AddUser(user), user);
        await Responses.WriteFlatAsync(request.Http, 201, Record(request, user, withKey: false)).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(IncomingRequest request)
    {
        var user = Find(request, selfAllowed: true);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var extra = body["extra"];
        if (!extra.IsNull && !extra.IsObject)
        {
            throw C8Errors.BadRequest("'extra' must be an object");
        }
        var password = String(body, "passwd");
        var email = body["newEmail"]["email"].TryGetString(out var newEmail) ? newEmail : null;
        if ((password is not null || email is not null) && !request.Cluster.Access.IsAdmin(request.Principal))
        {
            RequireCurrentPassword(request, user, String(body, CurrentPasswordField));
        }
        var updated = user with
        {
            PasswordHash = password is null ? user.PasswordHash : Passwords.Hash(password),
            DisplayName = String(body, "displayName") ?? user.DisplayName,
            Active = Bool(body, "active", user.Active),
            ExtraJson = extra.IsNull ? user.ExtraJson : C8Json.Serialize(extra),
            Email = email ?? user.Email,
        };
        ThrowIfConflict(request.Cluster.Catalog.ChangeUser(updated), updated);
        // With apikey, as GDN answers (pyC8's test_user_management cassette).
        await Responses.WriteFlatAsync(request.Http, 200, Record(request, updated, withKey: true)).ConfigureAwait(false);
    }

    /// <summary>
    /// The body field in which a user who is not an administrator confirms their current password to change their own
    /// email or password. GDN documents none (its newEmail needs an administrator); the name follows passwd.
    /// </summary>
    public const string CurrentPasswordField = "currentPasswd";

    private static void RequireCurrentPassword(IncomingRequest request, UserInfo user, string? current)
    {
        if (current is null)
        {
            throw new C8Exception(403, C8Errors.Forbidden,
                $"forbidden: to change your own email or password, give your current password as '{CurrentPasswordField}' (or ask an administrator)");
        }
        if (!request.Cluster.Authenticator.IsPasswordOf(user, current, AuthEndpoints.ClientAddress(request)))
        {
            throw new C8Exception(403, C8Errors.Forbidden, $"forbidden: '{CurrentPasswordField}' is not your current password");
        }
    }

    private static void ThrowIfConflict(UserConflict conflict, UserInfo user)
    {
        switch (conflict)
        {
            case UserConflict.Name:
                throw new C8Exception(409, C8Errors.DuplicateUser, $"duplicate user: a user or API key '{user.Id}' already exists");
            case UserConflict.Email:
                throw new C8Exception(409, C8Errors.DuplicateEmail, "duplicate email address: another user has it");
        }
    }

    private static Task DeleteAsync(IncomingRequest request)
    {
        var user = Find(request, selfAllowed: false);
        if (user.Id == Principal.RootUserId)
        {
            throw new C8Exception(403, C8Errors.Forbidden, "the root user cannot be removed");
        }
        request.Cluster.Catalog.RemoveUser(user.Id);
        return Responses.WriteEnvelopeAsync(request.Http, 202, _ => { });
    }
}
