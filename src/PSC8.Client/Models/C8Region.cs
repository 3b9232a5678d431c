namespace PSC8.Client.Models;

/// <summary>Whether a region can be reached.</summary>
public enum C8RegionStatus
{
    /// <summary>The region answers.</summary>
    Online,

    /// <summary>The service reports a connectivity problem.</summary>
    Unreachable,
}

/// <summary>A GDN region (data center / edge location) as <c>/datacenter/*</c> describes it.</summary>
public sealed class C8Region
{
    /// <summary>Region name used in dcList, spotDc and <c>/datacenter/{name}</c>.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Whether this region answered the request that listed it.</summary>
    public bool IsLocal { get; private set; }

    /// <summary>Whether the region may be chosen as a fabric's spot region (<c>spot_region</c>).</summary>
    public bool IsSpotCapable { get; private set; }

    /// <summary>0 when online; anything else is a connectivity problem.</summary>
    public C8RegionStatus Status => StatusCode == 0 ? C8RegionStatus.Online : C8RegionStatus.Unreachable;

    /// <summary>The service's own status number (0 online, anything else a connectivity problem).</summary>
    public int StatusCode { get; private set; }

    /// <summary>Whether <see cref="Status"/> says the region is online.</summary>
    public bool IsOnline => Status == C8RegionStatus.Online;

    /// <summary>The API host (<c>tags.api</c>), e.g. <c>api-gdn-us-west.paas.macrometa.io</c>.</summary>
    public string? ApiHost { get; private set; }

    /// <summary>The UI host (<c>tags.url</c>).</summary>
    public string? Host { get; private set; }

    /// <summary>The region's address as the server reports it (<c>host</c>).</summary>
    public string? Address { get; private set; }

    /// <summary>City from <c>locationInfo</c>.</summary>
    public string? City { get; private set; }

    /// <summary>Country code from <c>locationInfo</c>.</summary>
    public string? CountryCode { get; private set; }

    /// <summary>Country name from <c>locationInfo</c>.</summary>
    public string? CountryName { get; private set; }

    /// <summary>Latitude from <c>locationInfo</c>.</summary>
    public double? Latitude { get; private set; }

    /// <summary>Longitude from <c>locationInfo</c>.</summary>
    public double? Longitude { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static C8Region FromJson(JsonElement e)
    {
        var tags = JsonRead.Object(e, "tags");
        var location = JsonRead.Object(e, "locationInfo");
        var url = tags is null ? null : JsonRead.String(tags.Value, "url");
        var name = JsonRead.String(e, "name") ?? JsonRead.String(e, "_key") ?? (url is null ? string.Empty : C8Url.RegionNameFromHost(url));
        return new C8Region
        {
            Name = name,
            IsLocal = JsonRead.Bool(e, "local"),
            IsSpotCapable = JsonRead.Bool(e, "spot_region"),
            StatusCode = JsonRead.Int(e, "status") ?? 0,
            ApiHost = tags is null ? null : JsonRead.String(tags.Value, "api"),
            Host = url ?? (location is null ? null : JsonRead.String(location.Value, "url")),
            Address = JsonRead.String(e, "host"),
            City = location is null ? null : JsonRead.String(location.Value, "city"),
            CountryCode = location is null ? null : JsonRead.String(location.Value, "countrycode"),
            CountryName = location is null ? null : JsonRead.String(location.Value, "countryname"),
            Latitude = location is null ? null : JsonRead.Double(location.Value, "latitude"),
            Longitude = location is null ? null : JsonRead.Double(location.Value, "longitude"),
        };
    }

    internal static IReadOnlyList<C8Region> ListFromJson(JsonElement array)
    {
        var list = new List<C8Region>();
        foreach (var item in JsonRead.Array(array))
        {
            list.Add(FromJson(item));
        }

        return list;
    }
}
