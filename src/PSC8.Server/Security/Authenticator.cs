using System.Net;

namespace PSC8.Server.Security;

/// <summary>Turns an Authorization header ("bearer JWT" or "apikey KEY", any case) into a principal, and checks password sign-ins.</summary>
internal sealed class Authenticator(Catalog catalog, JwtTokens tokens, string tenant, LoginThrottle throttle)
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

    /// <summary>Hashed against when no stored hash is at hand, so that refusing an unknown name costs what a wrong password costs.</summary>
    private static readonly string DummyHash = Passwords.Hash(Passwords.NewSecret());

    private long _passwordChecks;

    /// <summary>How many password hashes sign-ins and password confirmations have computed: one per attempt let through.</summary>
    public long PasswordChecks => Interlocked.Read(ref _passwordChecks);

    /// <summary>
    /// Signs in the one user the attempt names (by email, or by user name in this tenant) if the password is theirs.
    /// Refusals are GDN's: 401 with errorNum 11 for a name that is no user, 401/401 for a wrong password (or an
    /// inactive user); 429 while the name or the address has failed too often.
    /// </summary>
    public UserInfo Login(LoginAttempt attempt)
    {
        var user = Named(attempt);
        if (!PasswordMatches(user, user?.Id ?? attempt.Email ?? attempt.Username ?? "", attempt.Password, attempt.Address))
        {
            throw user is null ? new C8Exception(401, C8Errors.Forbidden, "forbidden") : new C8Exception(401, 401, "Wrong credentials");
        }
        return user!;
    }

    /// <summary>Whether the password is the user's (a user changing their own email or password confirms it); throttled as sign-ins are.</summary>
    public bool IsPasswordOf(UserInfo user, string password, IPAddress? address) => PasswordMatches(user, user.Id, password, address);

    /// <summary>
    /// The user an attempt names, or null. An email names the one user who has it; in a data folder from a version
    /// that let emails repeat, root's email still names root and any other shared email names nobody.
    /// </summary>
    private UserInfo? Named(LoginAttempt attempt)
    {
        if (attempt.Tenant is not null && attempt.Tenant != tenant)
        {
            return null;
        }
        if (attempt.Email is { } email)
        {
            var users = catalog.FindUsersByEmail(email);
            return users.Count == 1 ? users[0] : users.FirstOrDefault(u => u.Id == Principal.RootUserId);
        }
        return attempt.Username is { } name && catalog.FindUser(name) is { IsApiKey: false } user ? user : null;
    }

    /// <summary>One hash computed whether or not there is an active user, compared in constant time, and the outcome counted.</summary>
    private bool PasswordMatches(UserInfo? user, string throttledName, string password, IPAddress? address)
    {
        if (throttle.RetryAfter(throttledName, address) is { } wait)
        {
            throw new LoginThrottledException(wait);
        }
        Interlocked.Increment(ref _passwordChecks);
        var stored = user is { Active: true, PasswordHash: { } hash } ? hash : null;
        var matches = Passwords.Verify(password, stored ?? DummyHash) && stored is not null;
        if (matches)
        {
            throttle.Succeeded(throttledName);
        }
        else
        {
            throttle.Failed(throttledName, address);
        }
        return matches;
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
