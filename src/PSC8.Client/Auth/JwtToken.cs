namespace PSC8.Client.Auth;

/// <summary>
/// The claims PSC8 reads from a GDN JWT without verifying it (the server does that): when it expires
/// (to renew in time) and which tenant and user it is for.
/// </summary>
public sealed class JwtToken
{
    private JwtToken(DateTimeOffset? expires, DateTimeOffset? issued, string? tenant, string? username)
    {
        Expires = expires;
        IssuedAt = issued;
        Tenant = tenant;
        Username = username;
    }

    /// <summary>The <c>exp</c> claim.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>The <c>iat</c> claim.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The <c>tenant</c> claim (or <c>sub</c>).</summary>
    public string? Tenant { get; }

    /// <summary>The <c>preferred_username</c> claim.</summary>
    public string? Username { get; }

    /// <summary>Reads the payload of <paramref name="jwt"/>; null when it is not a readable JWT.</summary>
    public static JwtToken? TryRead(string? jwt)
    {
        if (string.IsNullOrEmpty(jwt))
        {
            return null;
        }

        var parts = jwt!.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = DecodeSegment(parts[1]);
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new JwtToken(
                ReadTime(root, "exp"),
                ReadTime(root, "iat"),
                ReadString(root, "tenant") ?? ReadString(root, "sub"),
                ReadString(root, "preferred_username"));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when the token expires within <paramref name="margin"/> of <paramref name="now"/>.</summary>
    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => Expires is DateTimeOffset exp && exp - now <= margin;

    /// <inheritdoc />
    public override string ToString() => "JWT(tenant " + Tenant + ", expires " + Expires?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ")";

    private static byte[] DecodeSegment(string segment)
    {
        // GDN pads with '='; standard JWTs use unpadded base64url. Accept both.
        var s = segment.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        switch (s.Length % 4)
        {
            case 2: s += "=="; break;
            case 3: s += "="; break;
            case 1: throw new FormatException("Bad base64 length.");
        }

        return Convert.FromBase64String(s);
    }

    private static DateTimeOffset? ReadTime(JsonElement root, string name)
    {
        if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        }

        return null;
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
