namespace PSC8.Server.Security;

/// <summary>
/// Resolves access levels as GDN documents them: a collection's explicit level, else the fabric's "*"
/// collection default, else the fabric level; a fabric's explicit level, else the principal's "*" fabric
/// default, else none. Root has rw everywhere. Administration needs rw on _system.
/// </summary>
internal sealed class AccessControl(Catalog catalog)
{
    public const string SystemFabric = "_system";
    public const string Wildcard = "*";

    public AccessLevel FabricLevel(Principal principal, string fabric)
    {
        if (principal.IsRoot)
        {
            return AccessLevel.ReadWrite;
        }
        return catalog.FindGrant(principal.UserId, fabric)
            ?? catalog.FindGrant(principal.UserId, Wildcard)
            ?? AccessLevel.None;
    }

    public AccessLevel CollectionLevel(Principal principal, string fabric, string collection)
    {
        var fabricLevel = FabricLevel(principal, fabric);
        if (principal.IsRoot || fabricLevel == AccessLevel.None)
        {
            return fabricLevel;
        }
        return catalog.FindGrant(principal.UserId, fabric, collection)
            ?? catalog.FindGrant(principal.UserId, fabric, Wildcard)
            ?? fabricLevel;
    }

    public bool IsAdmin(Principal principal) => FabricLevel(principal, SystemFabric) == AccessLevel.ReadWrite;

    public void RequireFabric(Principal principal, string fabric, AccessLevel needed)
    {
        if (FabricLevel(principal, fabric) < needed)
        {
            throw Denied($"'{needed.ToWire()}' access to fabric '{fabric}'");
        }
    }

    public void RequireCollection(Principal principal, string fabric, string collection, AccessLevel needed)
    {
        if (CollectionLevel(principal, fabric, collection) < needed)
        {
            throw Denied($"'{needed.ToWire()}' access to collection '{collection}' in fabric '{fabric}'");
        }
    }

    public void RequireAdmin(Principal principal)
    {
        if (!IsAdmin(principal))
        {
            throw Denied("administrator rights ('rw' on _system)");
        }
    }

    private static C8Exception Denied(string what) =>
        new(403, C8Errors.Forbidden, $"forbidden: the caller lacks {what}");
}
