namespace PSC8.Server.Query.Functions;

/// <summary>Where a document stands by a geo index's definition, read as the index's key function reads it.</summary>
internal static class GeoLocation
{
    /// <summary>
    /// Two attributes (latitude, longitude), one [latitude, longitude] pair, or with geoJson a [longitude, latitude]
    /// pair or GeoJSON (a shape by its centroid); null when the document has no valid location.
    /// </summary>
    public static SpherePoint? Of(C8Object document, IndexInfo index)
    {
        var first = AttributePaths.Read(document, index.Fields[0]);
        if (index.Fields.Count == 2)
        {
            return Position(first, AttributePaths.Read(document, index.Fields[1]));
        }
        if (!index.GeoJson)
        {
            return first.IsArray && first.AsArray.Count >= 2 ? Position(first.AsArray[0], first.AsArray[1]) : null;
        }
        return GeoShape.TryRead(first)?.Centroid();
    }

    public static double Distance(SpherePoint from, SpherePoint to) => GeoFunctions.EarthRadius * from.AngleTo(to);

    private static SpherePoint? Position(C8Value latitude, C8Value longitude) =>
        latitude.IsNumber && longitude.IsNumber && Math.Abs(latitude.AsNumber) <= 90 && Math.Abs(longitude.AsNumber) <= 180
            ? SpherePoint.FromDegrees(longitude.AsNumber, latitude.AsNumber)
            : null;
}

/// <summary>The latitudes a search around a point can reach: what a geo index scan reads.</summary>
internal static class GeoBand
{
    /// <summary>A hair wider than the radius, so rounding never drops a document on the edge; the query decides.</summary>
    private const double MarginDegrees = 1e-6;

    public static (double Low, double High) Latitudes(double latitude, double radiusMeters)
    {
        var degrees = radiusMeters / GeoFunctions.EarthRadius * 180 / Math.PI + MarginDegrees;
        return (Math.Max(-90, latitude - degrees), Math.Min(90, latitude + degrees));
    }
}
