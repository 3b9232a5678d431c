namespace PSC8.Engine;

/// <summary>What New-C8Collection's switches ask the server for.</summary>
internal static class CollectionOptions
{
    /// <exception cref="C8CommandException">C8.SpotAndLocal: a collection is either served by the spot region or kept in one region, not both.</exception>
    public static C8CollectionCreateOptions Create(bool spot, bool local, bool edge, bool stream, string? keyGenerator)
    {
        if (spot && local)
        {
            throw C8CommandException.InvalidArgument("C8.SpotAndLocal", "A collection cannot be both a spot collection (-Spot) and a local one (-Local).");
        }

        return new C8CollectionCreateOptions
        {
            IsSpot = spot,
            IsLocal = local,
            Type = edge ? C8CollectionType.Edge : C8CollectionType.Document,
            Stream = stream,
            KeyOptions = keyGenerator is null ? null : new C8KeyOptions { Type = keyGenerator.ToLowerInvariant() },
        };
    }
}
