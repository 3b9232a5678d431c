using System.Security;

namespace PSC8.Client.Models;

/// <summary>A user of the tenant (from <c>/_api/user</c>); never its password.</summary>
public sealed class C8User
{
    /// <summary>User id (e.g. <c>root</c>).</summary>
    public string User { get; private set; } = string.Empty;

    /// <summary>Email.</summary>
    public string? Email { get; private set; }

    /// <summary>Tenant.</summary>
    public string? Tenant { get; private set; }

    /// <summary>Display name.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>Whether active.</summary>
    public bool Active { get; private set; }

    /// <inheritdoc />
    public override string ToString() => User;

    internal static C8User FromJson(JsonElement e) => new C8User
    {
        User = JsonRead.String(e, "user") ?? string.Empty,
        Email = JsonRead.String(e, "email"),
        Tenant = JsonRead.String(e, "tenant"),
        DisplayName = JsonRead.String(e, "displayName"),
        Active = JsonRead.Bool(e, "active", true),
    };
}

/// <summary>What a new user is created with (<c>POST /_api/user</c>); the password stays a SecureString until it is sent.</summary>
public sealed class C8UserDefinition
{
    /// <summary>A user with this email and password, active unless <see cref="Active"/> says otherwise.</summary>
    public C8UserDefinition(string email, SecureString password)
    {
        Email = string.IsNullOrWhiteSpace(email) ? throw new ArgumentException("An email address is required.", nameof(email)) : email;
        Password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The email address, unique in the tenant.</summary>
    public string Email { get; }

    /// <summary>The password.</summary>
    public SecureString Password { get; }

    /// <summary>The display name; the server uses the email when none is given.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Whether the user may sign in.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>Changes to a user (<c>PATCH /_api/user/{user}</c>): only what is set is sent.</summary>
public sealed class C8UserChanges
{
    /// <summary>A new password.</summary>
    public SecureString? Password { get; set; }

    /// <summary>A new display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Activates or deactivates the user.</summary>
    public bool? Active { get; set; }

    /// <summary>A new email address.</summary>
    public string? Email { get; set; }

    /// <summary>
    /// The user's current password, which a user who is not an administrator gives to change their own password or
    /// email (C8 Local's <c>currentPasswd</c>; GDN lets only administrators change them).
    /// </summary>
    public SecureString? CurrentPassword { get; set; }
}
