using PSC8.Sessions;

namespace PSC8;

/// <summary>
/// One connection as PowerShell sees it: what Connect-C8 returns and -Connection takes. Every public property is
/// safe to print, so <c>Format-List *</c> and <c>ConvertTo-Json</c> show no secret; the client connection that
/// holds the credential is internal.
/// </summary>
public sealed class C8Session
{
    private readonly C8SessionRegistry _registry;

    internal C8Session(int id, C8Connection client, C8SessionRegistry registry)
    {
        Id = id;
        Client = client;
        _registry = registry;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>A number unique in this PowerShell session.</summary>
    public int Id { get; }

    /// <summary>The API base URL.</summary>
    public string Url => Client.BaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>Where requests go, as confirmation prompts name it: the region and the URL.</summary>
    public string Location => (Region is null ? string.Empty : Region + " ") + "(" + Url + ")";

    /// <summary>The region serving this URL.</summary>
    public string? Region => Client.Region;

    /// <summary>The tenant.</summary>
    public string? Tenant => Client.Tenant;

    /// <summary>The signed-in user (password and token logins).</summary>
    public string? User => Client.User;

    /// <summary>The fabric cmdlets use when they are given no -Fabric.</summary>
    public string Fabric => Client.DefaultFabric;

    /// <summary>ApiKey, Password or Token.</summary>
    public string Authentication => Client.AuthenticationKind.ToString();

    /// <summary>When the JWT of a password or token login expires.</summary>
    public DateTimeOffset? TokenExpires => Client.TokenExpires;

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Whether cmdlets use this connection when given no -Connection.</summary>
    public bool IsDefault => _registry.IsDefault(this);

    /// <summary>False once Disconnect-C8 closed it.</summary>
    public bool IsOpen { get; private set; } = true;

    internal C8Connection Client { get; }

    public override string ToString() => "#" + Id + " " + Url + " (" + (Region ?? "?") + ", fabric " + Fabric + ")";

    internal void Close()
    {
        IsOpen = false;
        Client.Dispose();
    }
}
