using System.Security.Cryptography;

namespace PSC8.Server.Security;

/// <summary>The claims C8 Local puts in (and reads back from) its JWTs.</summary>
internal sealed record JwtClaims(string UserId, string Tenant, long IssuedAt, long Expires, ulong PasswordStamp);

/// <summary>
/// HS256 JWTs shaped like GDN's: iss "macrometa", preferred_username, sub and tenant, a 12 h lifetime,
/// and a "hash" claim derived from the password hash so that changing a password revokes older tokens.
/// Segments use standard base64 with padding, as GDN's do.
/// </summary>
internal sealed class JwtTokens(byte[] secret)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public string Issue(string userId, string tenant, ulong passwordStamp, DateTimeOffset? now = null)
    {
        var issued = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("iat", issued);
            writer.WriteNumber("hash", passwordStamp);
            writer.WriteNumber("exp", issued + (long)Lifetime.TotalSeconds);
            writer.WriteString("iss", "macrometa");
            writer.WriteString("preferred_username", userId);
            writer.WriteString("sub", tenant);
            writer.WriteString("tenant", tenant);
            writer.WriteEndObject();
        }
        var unsigned = Convert.ToBase64String(Header) + "." + Convert.ToBase64String(buffer.ToArray());
        return unsigned + "." + Convert.ToBase64String(Sign(unsigned));
    }

    /// <summary>
    /// Tokens whose signature was checked, with their claims: a client sends the same token with every request, and
    /// checking it again (HMAC, base64, JSON) was a fifth of the server's work for a read by key. Only the expiry
    /// depends on the time, so it is checked on every call; the cache is emptied when it is full.
    /// </summary>
    private readonly ConcurrentDictionary<string, JwtClaims> _verified = new(StringComparer.Ordinal);

    private const int MaxVerified = 1024;

    /// <summary>The token's claims when its signature is ours and it has not expired; otherwise null.</summary>
    public JwtClaims? Validate(string token, DateTimeOffset? now = null)
    {
        var claims = _verified.TryGetValue(token, out var known) ? known : Verify(token);
        if (claims is null)
        {
            return null;
        }
        if (claims.Expires <= (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds())
        {
            _verified.TryRemove(token, out _);
            return null;
        }
        if (known is null)
        {
            if (_verified.Count >= MaxVerified)
            {
                _verified.Clear();
            }
            _verified[token] = claims;
        }
        return claims;
    }

    /// <summary>The claims of a token whose signature is ours, expired or not; null for any other string.</summary>
    private JwtClaims? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var signature = DecodeSegment(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
            {
                return null;
            }
            var payload = C8Json.Parse(DecodeSegment(parts[1]));
            return new JwtClaims(payload["preferred_username"].AsString, payload["tenant"].AsString,
                (long)payload["iat"].AsNumber, (long)payload["exp"].AsNumber, (ulong)payload["hash"].AsNumber);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or C8Exception)
        {
            return null;
        }
    }

    /// <summary>A password hash with its stamp, so that the stamp of the hash asked for last is not computed again.</summary>
    private sealed record StampedHash(string Hash, ulong Stamp);

    /// <summary>Every request with a token compares stamps, and nearly always for the same user: one entry serves them.</summary>
    private static StampedHash? s_lastStamped;

    /// <summary>A number that changes whenever the stored password hash changes.</summary>
    public static ulong PasswordStamp(string? passwordHash)
    {
        if (passwordHash is null)
        {
            return 0;
        }
        if (Volatile.Read(ref s_lastStamped) is { } last && string.Equals(last.Hash, passwordHash, StringComparison.Ordinal))
        {
            return last.Stamp;
        }
        var stamp = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)), 0) >> 12;
        Volatile.Write(ref s_lastStamped, new StampedHash(passwordHash, stamp));
        return stamp;
    }

    private byte[] Sign(string unsigned) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned));

    /// <summary>Accepts padded or unpadded, standard or URL-safe base64, as clients re-encode tokens differently.</summary>
    private static byte[] DecodeSegment(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }
}
