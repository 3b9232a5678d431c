using System.Security;

namespace PSC8.Client.Models;

/// <summary>An API key's identity (never its secret).</summary>
public sealed class C8ApiKey
{
    /// <summary>The key id chosen at creation.</summary>
    public string KeyId { get; private set; } = string.Empty;

    /// <summary>The user the key belongs to (e.g. <c>&lt;tenant&gt;.root</c>), or the key's own user id.</summary>
    public string? User { get; private set; }

    /// <summary>The tenant.</summary>
    public string? Tenant { get; private set; }

    /// <summary>The key's parent user, when reported.</summary>
    public string? Parent { get; private set; }

    /// <summary>Whether the key is active, when reported.</summary>
    public bool? Active { get; private set; }

    /// <inheritdoc />
    public override string ToString() => KeyId;

    internal static C8ApiKey FromJson(JsonElement e, string? keyIdHint = null)
    {
        var apikey = JsonRead.Object(e, "apikey");
        return new C8ApiKey
        {
            KeyId = JsonRead.String(e, "keyid") ?? keyIdHint ?? JsonRead.String(e, "user") ?? string.Empty,
            User = JsonRead.String(e, "user"),
            Tenant = JsonRead.String(e, "tenant"),
            Parent = apikey is null ? JsonRead.String(e, "parent") : JsonRead.String(apikey.Value, "parent"),
            Active = JsonRead.OptionalBool(e, "active"),
        };
    }
}

/// <summary>
/// A newly created API key. The secret is shown by the server only once; it is held here and can be taken
/// as a <see cref="SecureString"/> (or revealed explicitly), but no property or <see cref="ToString"/> shows it.
/// </summary>
public sealed class C8CreatedApiKey
{
    private readonly string _secret;

    internal C8CreatedApiKey(string keyId, string? user, string? tenant, string secret)
    {
        KeyId = keyId;
        User = user;
        Tenant = tenant;
        _secret = secret;
    }

    /// <summary>The key id.</summary>
    public string KeyId { get; }

    /// <summary>The owning user.</summary>
    public string? User { get; }

    /// <summary>The tenant.</summary>
    public string? Tenant { get; }

    /// <summary>The full key (<c>&lt;tenant&gt;.&lt;keyid&gt;.&lt;secret&gt;</c>) as a read-only SecureString.</summary>
    public SecureString GetSecureKey() => C8Credential.Protect(_secret);

    /// <summary>The full key as plain text; call only when the user explicitly asked to see it.</summary>
    public string RevealKey() => _secret;

    /// <summary>A credential for connecting with this key.</summary>
    public C8Credential ToCredential() => C8Credential.FromApiKey(_secret);

    /// <inheritdoc />
    public override string ToString() => KeyId + " (secret hidden)";
}

/// <summary>The result of validating an API key or JWT.</summary>
public sealed class C8KeyValidation
{
    /// <summary>The key id, when an API key was validated.</summary>
    public string? KeyId { get; private set; }

    /// <summary>The parent user.</summary>
    public string? Parent { get; private set; }

    /// <summary>The tenant.</summary>
    public string? Tenant { get; private set; }

    /// <summary>Request rate limit per second, when reported.</summary>
    public long? LimitRequestsPerSecond { get; private set; }

    /// <inheritdoc />
    public override string ToString() => (KeyId ?? Parent ?? "valid") + " (" + Tenant + ")";

    internal static C8KeyValidation FromJson(JsonElement body)
    {
        var r = JsonRead.Result(body);
        if (r.ValueKind == JsonValueKind.Array)
        {
            r = r.GetArrayLength() > 0 ? r[0] : default;
        }

        return new C8KeyValidation
        {
            KeyId = JsonRead.String(r, "keyid"),
            Parent = JsonRead.String(r, "parent") ?? JsonRead.String(r, "user"),
            Tenant = JsonRead.String(r, "tenant"),
            LimitRequestsPerSecond = JsonRead.Long(r, "limitRequestsPerSec"),
        };
    }
}
