namespace PSC8.Client.Models;

/// <summary>A geo-fabric (GDN database) with its regions and spot region.</summary>
public sealed class C8Fabric
{
    /// <summary>The fabric name as used in paths (<c>/_fabric/{Name}</c>).</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The tenant-qualified name (<c>options.name</c>, <c>&lt;tenant&gt;.&lt;name&gt;</c>).</summary>
    public string? FullName { get; private set; }

    /// <summary>The owning tenant.</summary>
    public string? Tenant { get; private set; }

    /// <summary>The regions the fabric is replicated to (<c>options.dcList</c>).</summary>
    public IReadOnlyList<string> Regions { get; private set; } = Array.Empty<string>();

    /// <summary>The regions currently associated (<c>options.associated_regions</c>).</summary>
    public IReadOnlyList<string> AssociatedRegions { get; private set; } = Array.Empty<string>();

    /// <summary>The spot region's name, or null when the fabric has none (<c>spotDc: ""</c>).</summary>
    public string? SpotRegion { get; private set; }

    /// <summary>Whether the fabric has a spot region, so it can hold spot collections.</summary>
    public bool HasSpotRegion => !string.IsNullOrEmpty(SpotRegion);

    /// <summary>User metadata (<c>options.metadata</c>); null when unset.</summary>
    public JsonElement? Metadata { get; private set; }

    /// <summary>Whether this is a system fabric (<c>_system</c>).</summary>
    public bool IsSystem { get; private set; }

    /// <summary>Lifecycle status (<c>available</c> when usable).</summary>
    public string? Status { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal void SetName(string name) => Name = name;

    internal static C8Fabric FromJson(JsonElement e)
    {
        var options = JsonRead.Object(e, "options") ?? default(JsonElement);
        var fullName = JsonRead.String(options, "name");
        var tenant = JsonRead.String(options, "tenant");
        var name = JsonRead.String(e, "name");
        if (string.IsNullOrEmpty(name) && fullName is not null)
        {
            name = tenant is not null && fullName.StartsWith(tenant + ".", StringComparison.Ordinal) ? fullName.Substring(tenant.Length + 1) : fullName;
        }

        var spot = JsonRead.String(options, "spotDc");
        var metadata = JsonRead.Element(options, "metadata") ?? JsonRead.Element(e, "metadata");
        return new C8Fabric
        {
            Name = name ?? string.Empty,
            FullName = fullName,
            Tenant = tenant,
            Regions = JsonRead.Strings(options, "dcList"),
            AssociatedRegions = JsonRead.Strings(options, "associated_regions"),
            SpotRegion = string.IsNullOrEmpty(spot) ? null : spot,
            Metadata = metadata,
            IsSystem = JsonRead.OptionalBool(e, "isSystem") ?? (name?.StartsWith("_", StringComparison.Ordinal) ?? false),
            Status = JsonRead.String(options, "status"),
        };
    }
}

/// <summary>How a new fabric's spot region is chosen (GDN's <c>spotDc</c>).</summary>
public sealed class C8SpotRegion
{
    private C8SpotRegion(string? value) => Value = value;

    /// <summary>The server picks a spot-capable region (<c>spotDc</c> omitted).</summary>
    public static C8SpotRegion Automatic { get; } = new C8SpotRegion(null);

    /// <summary>No spot region (<c>spotDc: ""</c>); the fabric cannot hold spot collections.</summary>
    public static C8SpotRegion None { get; } = new C8SpotRegion(string.Empty);

    /// <summary>The wire value: null = omit, empty = none, else a region name or host.</summary>
    public string? Value { get; }

    /// <summary>A named region (its name, UI host or API host).</summary>
    public static C8SpotRegion Named(string region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ArgumentException("A region name is required; use C8SpotRegion.None for no spot region.", nameof(region));
        }

        return new C8SpotRegion(region.Trim());
    }

    /// <inheritdoc />
    public override string ToString() => Value is null ? "(automatic)" : Value.Length == 0 ? "(none)" : Value;
}

/// <summary>What to create a fabric with.</summary>
public sealed class C8FabricCreateOptions
{
    /// <summary>Regions to replicate to; empty means the server's local region.</summary>
    public IList<string> Regions { get; } = new List<string>();

    /// <summary>The spot region choice; automatic by default, as in GDN.</summary>
    public C8SpotRegion SpotRegion { get; set; } = C8SpotRegion.Automatic;

    /// <summary>Admin users of the new fabric; the server defaults to root.</summary>
    public IList<string> Users { get; } = new List<string>();

    /// <summary>Initial metadata (an object), or null.</summary>
    public JsonElement? Metadata { get; set; }
}
