namespace PSC8.Client.Models;

/// <summary>An index of a collection as <c>GET …/index?collection=</c> lists it (the primary index included).</summary>
public sealed class C8Index
{
    /// <summary>The fabric it belongs to.</summary>
    public string Fabric { get; private set; } = string.Empty;

    /// <summary>The collection it indexes.</summary>
    public string Collection { get; private set; } = string.Empty;

    /// <summary>The index id, <c>collection/number</c>.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>The index name (<c>primary</c> for the primary index).</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>primary, persistent, hash, skiplist, ttl, geo or fulltext.</summary>
    public string Type { get; private set; } = string.Empty;

    /// <summary>The indexed attribute paths.</summary>
    public IReadOnlyList<string> Fields { get; private set; } = [];

    /// <summary>Whether no two documents may share the indexed values.</summary>
    public bool Unique { get; private set; }

    /// <summary>Whether documents lacking an indexed attribute (or holding null) are left out.</summary>
    public bool Sparse { get; private set; }

    /// <summary>For a TTL index: seconds after the attribute's time when a document expires.</summary>
    public double? ExpireAfter { get; private set; }

    /// <summary>Whether the create request made it (false when an equal index existed already).</summary>
    public bool IsNewlyCreated { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static C8Index FromJson(JsonElement e, string fabric, string collection) => new C8Index
    {
        Fabric = fabric,
        Collection = collection,
        Id = JsonRead.String(e, "id") ?? string.Empty,
        Name = JsonRead.String(e, "name") ?? string.Empty,
        Type = JsonRead.String(e, "type") ?? string.Empty,
        Fields = JsonRead.Strings(e, "fields"),
        Unique = JsonRead.Bool(e, "unique"),
        Sparse = JsonRead.Bool(e, "sparse"),
        ExpireAfter = JsonRead.Double(e, "expireAfter"),
        IsNewlyCreated = JsonRead.Bool(e, "isNewlyCreated"),
    };
}

/// <summary>What <see cref="Apis.IndexApi.CreateAsync"/> asks for.</summary>
public sealed class C8IndexDefinition
{
    /// <summary>persistent (the default), hash, skiplist, ttl, geo or fulltext.</summary>
    public string Type { get; set; } = "persistent";

    /// <summary>The attribute paths to index (one for ttl and fulltext, one or two for geo).</summary>
    public IReadOnlyList<string> Fields { get; set; } = [];

    /// <summary>No two documents may share the values (spot and local collections only).</summary>
    public bool Unique { get; set; }

    /// <summary>Leave out documents lacking an attribute.</summary>
    public bool Sparse { get; set; }

    /// <summary>For ttl: seconds after the attribute's time when a document expires.</summary>
    public double? ExpireAfter { get; set; }

    /// <summary>The index name; the server picks one when null.</summary>
    public string? Name { get; set; }
}
