namespace PSC8.Server.Security;

/// <summary>Who is calling: a user (by password or JWT) or an API key.</summary>
internal sealed record Principal(string UserId, string Tenant, bool IsApiKey, string? ParentUserId)
{
    /// <summary>The user who owns what this principal creates (for a key, its parent user).</summary>
    public string OwnerId => ParentUserId ?? UserId;

    public bool IsRoot => !IsApiKey && UserId == RootUserId;

    public const string RootUserId = "root";
}
