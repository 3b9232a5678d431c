namespace PSC8.Server.Storage;

/// <summary>
/// The key of a geo index: a document's latitude as an <see cref="IndexKey"/> number, so a band of latitudes is one
/// key range. Where the document stands is read as the index says: two attributes (latitude, longitude), one
/// [latitude, longitude] pair, or with geoJson a [longitude, latitude] pair or a GeoJSON object. Shapes other than a
/// point all get <see cref="ShapeLatitude"/>: every search reads them and the query decides. Documents with no
/// valid location get no key (SQL NULL) and no search finds them.
/// </summary>
internal static class GeoKey
{
    public const string Function = "c8_geo_key";

    /// <summary>Beyond every latitude: the key of documents whose location is a shape.</summary>
    public const double ShapeLatitude = 1000;

    public static byte[]? Of(ReadOnlySpan<byte> body, string latitudeOrLocation, string longitude, bool geoJson)
    {
        if (longitude.Length > 0)
        {
            var latitude = IndexKey.Extract(body, latitudeOrLocation);
            var other = IndexKey.Extract(body, longitude);
            return latitude.IsNumber && other.IsNumber && Valid(latitude.AsNumber, other.AsNumber) ? Key(latitude.AsNumber) : null;
        }
        var location = IndexKey.Extract(body, latitudeOrLocation);
        if (location.IsArray)
        {
            var pair = location.AsArray;
            if (pair.Count < 2 || !pair[0].IsNumber || !pair[1].IsNumber)
            {
                return null;
            }
            var (lat, lon) = geoJson ? (pair[1].AsNumber, pair[0].AsNumber) : (pair[0].AsNumber, pair[1].AsNumber);
            return Valid(lat, lon) ? Key(lat) : null;
        }
        if (!geoJson || !location.TryGetObject(out var shape) || !shape["type"].TryGetString(out var type) || !shape["coordinates"].IsArray)
        {
            return null;
        }
        if (type != "Point")
        {
            return Key(ShapeLatitude);
        }
        var coordinates = shape["coordinates"].AsArray;
        return coordinates.Count >= 2 && coordinates[0].IsNumber && coordinates[1].IsNumber && Valid(coordinates[1].AsNumber, coordinates[0].AsNumber)
            ? Key(coordinates[1].AsNumber)
            : null;
    }

    public static byte[] Key(double latitude) => IndexKey.Encode(C8Value.From(latitude));

    private static bool Valid(double latitude, double longitude) => Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180;
}
