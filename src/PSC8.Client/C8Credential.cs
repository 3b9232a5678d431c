using System.Runtime.InteropServices;
using System.Security;

namespace PSC8.Client;

/// <summary>How a connection authenticates.</summary>
public enum C8AuthenticationKind
{
    /// <summary><c>Authorization: apikey &lt;key&gt;</c>.</summary>
    ApiKey,

    /// <summary><c>Authorization: bearer &lt;jwt&gt;</c> with a token supplied by the caller (not renewable).</summary>
    Token,

    /// <summary>Email (or tenant and user name) and password exchanged at <c>/_open/auth</c> for a JWT that is renewed before it expires.</summary>
    Password,
}

/// <summary>
/// The secret a connection authenticates with. It never shows its secret: <see cref="ToString"/> and its
/// public properties are safe to print, so a PowerShell user cannot leak it with Format-List or ConvertTo-Json.
/// </summary>
public sealed class C8Credential
{
    private C8Credential(C8AuthenticationKind kind, string secret, string? email, string? tenant, string? username)
    {
        Kind = kind;
        Secret = secret;
        Email = email;
        Tenant = tenant;
        Username = username;
    }

    /// <summary>Which kind of secret this is.</summary>
    public C8AuthenticationKind Kind { get; }

    /// <summary>The email used with <see cref="C8AuthenticationKind.Password"/>; not a secret.</summary>
    public string? Email { get; }

    /// <summary>The tenant of the tenant/user-name login form; not a secret.</summary>
    public string? Tenant { get; }

    /// <summary>The user name of the tenant/user-name login form; not a secret.</summary>
    public string? Username { get; }

    internal string Secret { get; }

    /// <summary>An API key (<c>&lt;tenant&gt;.&lt;keyid&gt;.&lt;secret&gt;</c>).</summary>
    public static C8Credential FromApiKey(string apiKey) =>
        new C8Credential(C8AuthenticationKind.ApiKey, Required(apiKey, nameof(apiKey)), null, null, null);

    /// <summary>An API key held in a <see cref="SecureString"/>, as PowerShell passes it.</summary>
    public static C8Credential FromApiKey(SecureString apiKey) => FromApiKey(Unprotect(apiKey, nameof(apiKey)));

    /// <summary>A JWT obtained elsewhere; it is used until it expires and cannot be renewed.</summary>
    public static C8Credential FromToken(string jwt) =>
        new C8Credential(C8AuthenticationKind.Token, Required(jwt, nameof(jwt)), null, null, null);

    /// <summary>A JWT held in a <see cref="SecureString"/>.</summary>
    public static C8Credential FromToken(SecureString jwt) => FromToken(Unprotect(jwt, nameof(jwt)));

    /// <summary>Email and password, exchanged for a JWT at <c>/_open/auth</c>.</summary>
    public static C8Credential FromPassword(string email, string password) =>
        new C8Credential(C8AuthenticationKind.Password, Required(password, nameof(password)), Required(email, nameof(email)), null, null);

    /// <summary>Email and password from a PowerShell credential.</summary>
    public static C8Credential FromPassword(string email, SecureString password) => FromPassword(email, Unprotect(password, nameof(password)));

    /// <summary>Tenant, user name and password (the other <c>/_open/auth</c> form).</summary>
    public static C8Credential FromTenantUser(string tenant, string username, string password) =>
        new C8Credential(C8AuthenticationKind.Password, Required(password, nameof(password)), null, Required(tenant, nameof(tenant)), Required(username, nameof(username)));

    /// <summary>Tenant, user name and a password from a PowerShell credential.</summary>
    public static C8Credential FromTenantUser(string tenant, string username, SecureString password) =>
        FromTenantUser(tenant, username, Unprotect(password, nameof(password)));

    /// <summary>The same sign-in after its user changed their own password or email (either may be null: unchanged).</summary>
    internal C8Credential WithChanges(string? email, string? password) =>
        new C8Credential(Kind, password ?? Secret, Email is null ? null : email ?? Email, Tenant, Username);

    /// <summary>A description without the secret.</summary>
    public override string ToString() => Kind switch
    {
        C8AuthenticationKind.Password when Email is not null => "Password(" + Email + ", ***)",
        C8AuthenticationKind.Password => "Password(" + Tenant + "/" + Username + ", ***)",
        C8AuthenticationKind.Token => "Token(***)",
        _ => "ApiKey(***)",
    };

    internal static string Unprotect(SecureString value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        var ptr = IntPtr.Zero;
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
            return Marshal.PtrToStringUni(ptr) ?? string.Empty;
        }
        finally
        {
            if (ptr != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }

    internal static SecureString Protect(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static string Required(string value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException("The value must not be empty.", name);
        }

        return value;
    }
}
