using System.Security;

namespace PSC8;

/// <summary>
/// A key New-C8ApiKey just created. The server shows the secret only once; it is kept here as a SecureString,
/// which neither Format-List nor ConvertTo-Json reveals, and can be passed straight to Connect-C8 -ApiKey.
/// </summary>
public sealed class C8NewApiKey
{
    internal C8NewApiKey(C8CreatedApiKey created)
    {
        if (created is null)
        {
            throw new ArgumentNullException(nameof(created));
        }

        KeyId = created.KeyId;
        User = created.User;
        Tenant = created.Tenant;
        ApiKey = created.GetSecureKey();
    }

    public string KeyId { get; }

    public string? User { get; }

    public string? Tenant { get; }

    /// <summary>The whole key (<c>tenant.keyid.secret</c>), read-only.</summary>
    public SecureString ApiKey { get; }

    public override string ToString() => KeyId;
}
