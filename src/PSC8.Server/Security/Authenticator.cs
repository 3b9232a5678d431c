using PSC8.Server.Cluster;

namespace PSC8.Server.Security;

/// <summary>Turns an Authorization header ("bearer JWT" or "apikey KEY", any case) into a principal.</summary>
internal sealed class Authenticator(Catalog catalog, JwtTokens tokens, string tenant)
{
    public Principal? Authenticate(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }
        var space = authorization.IndexOf(' ');
        if (space <= 0)
        {
            return null;
        }
        var scheme = authorization[..space];
        var credential = authorization[(space + 1)..].Trim();
        if (scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return FromToken(credential);
        }
        if (scheme.Equals("apikey", StringComparison.OrdinalIgnoreCase))
        {
            return FromApiKey(credential);
        }
        return null;
    }

    /// <summary>Checks a password login; null when the user is unknown, inactive or the password is wrong.</summary>
    public UserInfo? Login(string? email, string? username, string password)
    {
        var user = email is not null ? catalog.FindUserByEmail(email) : username is not null ? catalog.FindUser(username) : null;
        return user is { Active: true, PasswordHash: { } hash } && Passwords.Verify(password, hash) ? user : null;
    }

    public Principal? FromToken(string token)
    {
        var claims = tokens.Validate(token);
        if (claims is null || claims.Tenant != tenant)
        {
            return null;
        }
        var user = catalog.FindUser(claims.UserId);
        if (user is null || !user.Active || user.IsApiKey || JwtTokens.PasswordStamp(user.PasswordHash) != claims.PasswordStamp)
        {
            return null;
        }
        return new Principal(user.Id, tenant, IsApiKey: false, ParentUserId: null);
    }

    /// <summary>Keys look like TENANT.KEYID.SECRET; the tenant may itself contain dots.</summary>
    public Principal? FromApiKey(string key)
    {
        var secretDot = key.LastIndexOf('.');
        if (secretDot <= 0)
        {
            return null;
        }
        var idDot = key.LastIndexOf('.', secretDot - 1);
        if (idDot <= 0 || key[..idDot] != tenant)
        {
            return null;
        }
        var user = catalog.FindUser(key[(idDot + 1)..secretDot]);
        if (user is not { IsApiKey: true, Active: true, ApiKeyHash: { } hash }
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(hash),
                System.Text.Encoding.ASCII.GetBytes(Passwords.HashSecret(key[(secretDot + 1)..]))))
        {
            return null;
        }
        return new Principal(user.Id, tenant, IsApiKey: true, ParentUserId: user.ApiKeyParent);
    }
}
