namespace PSC8.Engine;

/// <summary>What Get-C8AccessLevel and Set-C8AccessLevel do, given who (key or user), where (fabric, collection) and what.</summary>
internal static class AccessLevels
{
    /// <summary>The subject named by exactly one of -ApiKeyId and -User.</summary>
    public static C8AccessSubject Subject(string? apiKeyId, string? user)
    {
        var hasKey = !string.IsNullOrWhiteSpace(apiKeyId);
        var hasUser = !string.IsNullOrWhiteSpace(user);
        if (hasKey == hasUser)
        {
            throw C8CommandException.InvalidArgument("C8.AccessSubjectMissing", "Name exactly one of -ApiKeyId and -User.");
        }

        return hasKey ? C8AccessSubject.ApiKey(apiKeyId!) : C8AccessSubject.User(user!);
    }

    /// <summary>
    /// No fabric: the levels on every fabric. A fabric: its level. A fabric and a collection: that collection's
    /// level (<c>*</c> is the default for the fabric's collections).
    /// </summary>
    public static async Task<IReadOnlyList<C8AccessLevelInfo>> GetAsync(C8Connection client, C8AccessSubject subject, string? fabric, string? collection, CancellationToken cancellationToken)
    {
        var list = new List<C8AccessLevelInfo>();
        if (string.IsNullOrWhiteSpace(fabric))
        {
            if (!string.IsNullOrWhiteSpace(collection))
            {
                throw C8CommandException.InvalidArgument("C8.FabricMissing", "-Collection needs -Fabric.");
            }

            foreach (var entry in await client.Access.ListFabricAccessAsync(subject, cancellationToken).ConfigureAwait(false))
            {
                list.Add(new C8AccessLevelInfo(subject, entry.Name, null, entry.Level));
            }

            return list;
        }

        if (string.IsNullOrWhiteSpace(collection))
        {
            var level = await client.Access.GetFabricAccessAsync(subject, fabric!, cancellationToken).ConfigureAwait(false);
            list.Add(new C8AccessLevelInfo(subject, fabric!, null, level));
            return list;
        }

        var collectionLevel = await client.Access.GetCollectionAccessAsync(subject, fabric!, collection!, cancellationToken).ConfigureAwait(false);
        list.Add(new C8AccessLevelInfo(subject, fabric!, collection, collectionLevel));
        return list;
    }

    /// <summary>Grants <paramref name="level"/> (rw, ro or none) on the fabric, or on one of its collections.</summary>
    public static async Task<C8AccessLevelInfo> SetAsync(C8Connection client, C8AccessSubject subject, string fabric, string? collection, string level, CancellationToken cancellationToken)
    {
        var parsed = Parse(level);
        var granted = string.IsNullOrWhiteSpace(collection)
            ? await client.Access.SetFabricAccessAsync(subject, fabric, parsed, cancellationToken).ConfigureAwait(false)
            : await client.Access.SetCollectionAccessAsync(subject, fabric, collection!, parsed, cancellationToken).ConfigureAwait(false);
        return new C8AccessLevelInfo(subject, fabric, string.IsNullOrWhiteSpace(collection) ? null : collection, granted);
    }

    /// <summary>Removes the explicit level on the fabric, or on one of its collections, so the default applies again.</summary>
    public static Task ClearAsync(C8Connection client, C8AccessSubject subject, string fabric, string? collection, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(collection)
            ? client.Access.ClearFabricAccessAsync(subject, fabric, cancellationToken)
            : client.Access.ClearCollectionAccessAsync(subject, fabric, collection!, cancellationToken);

    /// <summary>What a level applies to, as a confirmation prompt names it.</summary>
    public static string Scope(string fabric, string? collection) =>
        string.IsNullOrEmpty(collection) ? "fabric " + fabric : "collection " + fabric + "/" + collection;

    /// <summary>rw, ro or none (case-insensitive); nothing else can be granted.</summary>
    public static C8AccessLevel Parse(string? level)
    {
        switch ((level ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "rw":
                return C8AccessLevel.ReadWrite;
            case "ro":
                return C8AccessLevel.ReadOnly;
            case "none":
                return C8AccessLevel.None;
            default:
                throw C8CommandException.InvalidArgument("C8.InvalidAccessLevel", "The level must be rw, ro or none.");
        }
    }
}
