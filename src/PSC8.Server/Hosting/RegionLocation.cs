namespace PSC8.Server.Hosting;

/// <summary>Where a simulated region says it is, as GDN's datacenter <c>locationInfo</c> shows it (coordinates as text, as GDN sends them).</summary>
public sealed record RegionLocation(string Latitude, string Longitude, string CountryCode, string CountryName, string City)
{
    public static readonly RegionLocation Unknown = new("", "", "", "", "");

    /// <summary>The default regions' places; any other region is <see cref="Unknown"/> unless --region-location says.</summary>
    public static readonly IReadOnlyDictionary<string, RegionLocation> Defaults = new Dictionary<string, RegionLocation>(StringComparer.Ordinal)
    {
        ["us-west"] = new("37.7749", "-122.4194", "US", "United States", "San Francisco"),
        ["eu-central"] = new("50.1109", "8.6821", "DE", "Germany", "Frankfurt"),
        ["ap-south"] = new("19.0760", "72.8777", "IN", "India", "Mumbai"),
    };

    /// <summary>Parses NAME=LAT,LON,CC[,COUNTRY[,CITY]] (--region-location).</summary>
    public static (string Region, RegionLocation Location) Parse(string text)
    {
        var equals = text.IndexOf('=');
        var parts = equals > 0 ? text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries) : [];
        if (parts.Length is < 3 or > 5
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) || Math.Abs(latitude) > 90
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) || Math.Abs(longitude) > 180
            || parts[2].Length != 2)
        {
            throw new ArgumentException(
                $"--region-location '{text}' must be NAME=LATITUDE,LONGITUDE,COUNTRYCODE[,COUNTRY[,CITY]], e.g. eu-west=53.35,-6.26,IE,Ireland,Dublin.");
        }
        return (text[..equals], new RegionLocation(parts[0], parts[1], parts[2].ToUpperInvariant(),
            parts.Length > 3 ? parts[3] : "", parts.Length > 4 ? parts[4] : ""));
    }
}
