namespace PSC8.Client.Apis;

/// <summary>Users of the tenant (<c>/_api/user*</c>); listing also tells an API key's connection its tenant.</summary>
public sealed class UserApi : ApiBase
{
    internal UserApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>The tenant's users (<c>GET /_api/user</c>); a caller who is not an administrator sees only itself.</summary>
    public async Task<IReadOnlyList<C8User>> ListAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/_api/user"), cancellationToken).ConfigureAwait(false);
        var list = new List<C8User>();
        foreach (var item in JsonRead.Array(JsonRead.Result(response.Json)))
        {
            list.Add(C8User.FromJson(item));
        }

        return list;
    }

    /// <summary>One user (<c>GET /_api/user/{user}</c>); 404/1703 when unknown.</summary>
    public async Task<C8User> GetAsync(string user, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, PathOf(user)), cancellationToken).ConfigureAwait(false);
        return C8User.FromJson(JsonRead.Result(response.Json));
    }

    /// <summary>Creates a user (<c>POST /_api/user</c>); 409/100012 when the email is taken.</summary>
    public async Task<C8User> CreateAsync(C8UserDefinition definition, CancellationToken cancellationToken = default)
    {
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        var password = C8Credential.Unprotect(definition.Password, nameof(definition));
        var request = new C8Request(HttpMethod.Post, "/_api/user").Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("email", definition.Email);
            w.WriteString("passwd", password);
            w.WriteBoolean("active", definition.Active);
            if (definition.DisplayName is not null)
            {
                w.WriteString("displayName", definition.DisplayName);
            }

            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8User.FromJson(JsonRead.Result(response.Json));
    }

    /// <summary>Changes a user (<c>PATCH /_api/user/{user}</c>) and returns it as the server now has it.</summary>
    public async Task<C8User> UpdateAsync(string user, C8UserChanges changes, CancellationToken cancellationToken = default)
    {
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        var password = changes.Password is null ? null : C8Credential.Unprotect(changes.Password, nameof(changes));
        var current = changes.CurrentPassword is null ? null : C8Credential.Unprotect(changes.CurrentPassword, nameof(changes));
        var request = new C8Request(new HttpMethod("PATCH"), PathOf(user)).Json(w =>
        {
            w.WriteStartObject();
            if (password is not null)
            {
                w.WriteString("passwd", password);
            }

            if (current is not null)
            {
                w.WriteString("currentPasswd", current);
            }

            if (changes.DisplayName is not null)
            {
                w.WriteString("displayName", changes.DisplayName);
            }

            if (changes.Active is bool active)
            {
                w.WriteBoolean("active", active);
            }

            if (changes.Email is not null)
            {
                // The published API asks whether the new address was verified; an administrator's change is taken as verified.
                w.WriteStartObject("newEmail");
                w.WriteString("email", changes.Email);
                w.WriteBoolean("isVerified", true);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (string.Equals(user, Connection.User, StringComparison.Ordinal))
        {
            Connection.Transport.Authenticator.SignInChanged(changes.Email, password);
        }

        return C8User.FromJson(JsonRead.Result(response.Json));
    }

    /// <summary>Deletes a user (<c>DELETE /_api/user/{user}</c>).</summary>
    public async Task DeleteAsync(string user, CancellationToken cancellationToken = default)
    {
        await SendAsync(new C8Request(HttpMethod.Delete, PathOf(user)), cancellationToken).ConfigureAwait(false);
    }

    private static string PathOf(string user) =>
        string.IsNullOrWhiteSpace(user) ? throw new ArgumentException("A user id is required.", nameof(user)) : "/_api/user/" + C8Paths.Seg(user);
}
