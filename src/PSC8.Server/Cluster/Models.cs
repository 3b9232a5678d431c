namespace PSC8.Server.Cluster;

internal sealed record KeyOptionsInfo(string Type, bool AllowUserKeys, long Increment, long Offset)
{
    public static KeyOptionsInfo Traditional { get; } = new("traditional", true, 1, 0);
}

/// <summary>A geo-fabric: the regions it spans and its spot region ("" for none).</summary>
internal sealed record FabricInfo(string Name, IReadOnlyList<string> Regions, string SpotRegion, string? MetadataJson, bool IsSystem)
{
    public bool HasSpotRegion => SpotRegion.Length > 0;
}

internal sealed record CollectionInfo(
    long Id,
    string Fabric,
    string Name,
    int Type,
    bool IsSpot,
    bool IsLocal,
    string? LocalRegion,
    bool HasStream,
    bool WaitForSync,
    bool IsSystem,
    KeyOptionsInfo KeyOptions)
{
    public const int DocumentType = 2;
    public const int EdgeType = 3;

    public const string DocumentModel = "DOC";
    public const string KeyValueModel = "KV";

    /// <summary>GDN's collectionModel: DOC, or KV for a key-value collection (created through /_api/kv).</summary>
    public string Model { get; init; } = DocumentModel;

    /// <summary>A key-value collection whose pairs may carry expireAt (created with ?expiration=true).</summary>
    public bool Expiration { get; init; }

    public bool IsEdge => Type == EdgeType;

    public bool IsKeyValue => Model == KeyValueModel;

    public string GloballyUniqueId => IsSystem ? Name : $"c8local/{Id}";
}

/// <summary>A user, or an API key (a child user with a hashed secret and a parent).</summary>
internal sealed record UserInfo(
    string Id,
    string Email,
    string? PasswordHash,
    bool Active,
    string DisplayName,
    string ExtraJson,
    string? ApiKeyParent,
    string? ApiKeyHash,
    string AttributesJson)
{
    public bool IsApiKey => ApiKeyParent is not null;
}

/// <summary>A saved query (RestQL worker), owned by a user within a fabric.</summary>
/// <param name="SavedBy">The user or API key that saved it last (null in catalogs written before it was kept: the owner).</param>
internal sealed record QueryWorkerInfo(string UserId, string Fabric, string Name, string Value, string ParameterJson, string Type, string? SavedBy = null)
{
    public string Author => SavedBy ?? UserId;
}
