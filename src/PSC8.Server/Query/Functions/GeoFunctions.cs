using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// The GeoJSON constructors and the geo utility functions, on a sphere with the Earth's volumetric mean radius
/// (or the WGS84 ellipsoid where asked). Geometry that is not valid GeoJSON gives null with warning 1542.
/// </summary>
internal static class GeoFunctions
{
    internal const double EarthRadius = 6_371_000;
    private const double Wgs84SemiMajorAxis = 6_378_137;
    private const double Wgs84Flattening = 1 / 298.257223563;

    public static void Register(FunctionTable table)
    {
        table.Add("GEO_POINT", 2, 3, (c, a) => a.ToArray().All(v => v.IsNumber)
            ? Geometry("Point", C8Value.From(a.ToArray()))
            : InvalidArgument(c, "GEO_POINT"));
        AddConstructor(table, "GEO_MULTIPOINT", "MultiPoint", n => n >= 2);
        AddConstructor(table, "GEO_LINESTRING", "LineString", n => n >= 2);
        AddConstructor(table, "GEO_MULTILINESTRING", "MultiLineString", n => n >= 2);
        AddConstructor(table, "GEO_POLYGON", "Polygon", n => n >= 1);
        AddConstructor(table, "GEO_MULTIPOLYGON", "MultiPolygon", n => n >= 2);
        table.Add("DISTANCE", 4, 4, Distance);
        table.Add("GEO_DISTANCE", 2, 3, (c, a) => CentroidDistance(c, a, "GEO_DISTANCE", 2) is { } d ? C8Value.From(d) : C8Value.Null);
        table.Add("GEO_IN_RANGE", 4, 7, InRange);
        table.Add("GEO_AREA", 1, 2, Area);
        table.Add("GEO_EQUALS", 2, 2, (c, a) => TwoShapes(c, a, "GEO_EQUALS", out var x, out var y) ? C8Value.From(Equal(x, y)) : C8Value.Null);
        table.Add("GEO_CONTAINS", 2, 2, Contains);
        table.Add("GEO_INTERSECTS", 2, 2, (c, a) => TwoShapes(c, a, "GEO_INTERSECTS", out var x, out var y) ? C8Value.From(Intersect(x, y)) : C8Value.Null);
        table.Add("IS_IN_POLYGON", 2, 3, IsInPolygon);
    }

    private static C8Value Geometry(string type, C8Value coordinates) =>
        C8Value.From(new C8Object.Builder(2).Add("type", C8Value.From(type)).Add("coordinates", coordinates).Build());

    /// <summary>A constructor from coordinates; a polygon given as one ring gets wrapped into a list of rings.</summary>
    private static void AddConstructor(FunctionTable table, string name, string type, Func<int, bool> enoughParts) =>
        table.Add(name, 1, 1, (context, a) =>
        {
            var coordinates = a[0];
            if (!coordinates.IsArray || !enoughParts(coordinates.AsArray.Count))
            {
                return InvalidArgument(context, name);
            }
            if (type == "Polygon" && GeoShape.TryPosition(coordinates.AsArray[0], out _))
            {
                coordinates = C8Value.From(new[] { coordinates });
            }
            var geometry = Geometry(type, coordinates);
            return GeoShape.TryRead(geometry, allowPair: false) is null ? InvalidArgument(context, name) : geometry;
        });

    /// <summary>DISTANCE(latitude1, longitude1, latitude2, longitude2): the haversine distance in meters.</summary>
    private static C8Value Distance(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments.ToArray().All(v => v.IsNumber))
        {
            return InvalidArgument(context, "DISTANCE");
        }
        var toRadians = Math.PI / 180;
        var lat1 = arguments[0].AsNumber * toRadians;
        var lat2 = arguments[2].AsNumber * toRadians;
        var dLat = lat2 - lat1;
        var dLon = (arguments[3].AsNumber - arguments[1].AsNumber) * toRadians;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return C8Value.From(EarthRadius * 2 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h)));
    }

    private static bool TwoShapes(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, out GeoShape first, out GeoShape second)
    {
        first = second = null!;
        if (GeoShape.TryRead(arguments[0]) is not { } a || GeoShape.TryRead(arguments[1]) is not { } b)
        {
            InvalidArgument(context, function);
            return false;
        }
        (first, second) = (a, b);
        return true;
    }

    /// <summary>"sphere" (the default) or "wgs84"; null after a warning for anything else.</summary>
    private static bool? IsWgs84(QueryContext context, ReadOnlySpan<C8Value> arguments, int index, string function)
    {
        var value = Arg(arguments, index);
        if (value.IsNull)
        {
            return false;
        }
        if (value.TryGetString(out var name) && name.ToLowerInvariant() is "sphere" or "wgs84")
        {
            return name.Equals("wgs84", StringComparison.OrdinalIgnoreCase);
        }
        InvalidArgument(context, function);
        return null;
    }

    private static double? CentroidDistance(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, int ellipsoidIndex)
    {
        if (!TwoShapes(context, arguments, function, out var a, out var b) || IsWgs84(context, arguments, ellipsoidIndex, function) is not { } wgs84)
        {
            return null;
        }
        var from = a.Centroid();
        var to = b.Centroid();
        return wgs84 ? Wgs84Distance(from, to) : EarthRadius * from.AngleTo(to);
    }

    /// <summary>GEO_IN_RANGE(a, b, low, high, includeLow = true, includeHigh = true, ellipsoid = "sphere").</summary>
    private static C8Value InRange(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "GEO_IN_RANGE";
        if (!arguments[2].IsNumber || !arguments[3].IsNumber)
        {
            return InvalidArgument(context, Name);
        }
        if (CentroidDistance(context, arguments, Name, 6) is not { } distance)
        {
            return C8Value.Null;
        }
        var low = arguments[2].AsNumber;
        var high = arguments[3].AsNumber;
        var aboveLow = BoolArg(arguments, 4, defaultValue: true) ? distance >= low : distance > low;
        var belowHigh = BoolArg(arguments, 5, defaultValue: true) ? distance <= high : distance < high;
        return C8Value.From(aboveLow && belowHigh);
    }

    private static C8Value Area(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (GeoShape.TryRead(arguments[0], allowPair: false) is not { IsArea: true } shape)
        {
            return InvalidArgument(context, "GEO_AREA");
        }
        if (IsWgs84(context, arguments, 1, "GEO_AREA") is not { } wgs84)
        {
            return C8Value.Null;
        }
        return C8Value.From(wgs84 ? Wgs84Area(shape) : EarthRadius * EarthRadius * shape.Area(p => p));
    }

    /// <summary>Same type and the same positions; a ring may start at any of its vertices.</summary>
    private static bool Equal(GeoShape a, GeoShape b)
    {
        if (a.Type != b.Type || a.Points.Count != b.Points.Count || a.Lines.Count != b.Lines.Count || a.Polygons.Count != b.Polygons.Count)
        {
            return false;
        }
        return a.Points.SequenceEqual(b.Points)
            && a.Lines.Zip(b.Lines).All(pair => pair.First.SequenceEqual(pair.Second))
            && a.Polygons.Zip(b.Polygons).All(pair => pair.First.Count == pair.Second.Count && pair.First.Zip(pair.Second).All(rings => SameRing(rings.First, rings.Second)));
    }

    private static bool SameRing(List<SpherePoint> a, List<SpherePoint> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        var start = b.IndexOf(a[0]);
        return start >= 0 && a.Select((point, i) => point == b[(start + i) % b.Count]).All(same => same);
    }

    /// <summary>GEO_CONTAINS(area, shape): every point of the shape lies in the area and none of its edges leaves it.</summary>
    private static C8Value Contains(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!TwoShapes(context, arguments, "GEO_CONTAINS", out var area, out var shape))
        {
            return C8Value.Null;
        }
        if (!area.IsArea)
        {
            return InvalidArgument(context, "GEO_CONTAINS");
        }
        var contained = shape.Vertices().All(area.Covers) && !EdgesCross(area, shape)
            && (!shape.IsArea || !area.Vertices().Any(v => shape.Covers(v) && !OnBoundary(shape, v)));
        return C8Value.From(contained);
    }

    /// <summary>Whether the shapes share any point: a common position, a crossing, a vertex on an edge or inside an area.</summary>
    private static bool Intersect(GeoShape a, GeoShape b) =>
        a.Points.Any(p => b.Points.Any(q => p.AngleTo(q) < 1e-12))
        || EdgesCross(a, b)
        || a.Vertices().Any(v => b.Covers(v) || OnBoundary(b, v))
        || b.Vertices().Any(v => a.Covers(v) || OnBoundary(a, v));

    private static bool EdgesCross(GeoShape a, GeoShape b)
    {
        var edges = b.Edges().ToList();
        return a.Edges().Any(e => edges.Any(f => GeoShape.Cross(e.From, e.To, f.From, f.To)));
    }

    private static bool OnBoundary(GeoShape shape, SpherePoint point) => shape.Edges().Any(e => GeoShape.OnArc(point, e.From, e.To));

    /// <summary>
    /// IS_IN_POLYGON(polygon, latitude, longitude) or (polygon, [latitude, longitude], useLonLat): the legacy test on
    /// the plane of the coordinates, by counting crossings of a ray.
    /// </summary>
    private static C8Value IsInPolygon(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "IS_IN_POLYGON";
        double x, y;
        var lonLat = false;
        if (arguments[1].IsArray)
        {
            lonLat = BoolArg(arguments, 2);
            if (!TryPair(arguments[1], lonLat, out x, out y))
            {
                return InvalidArgument(context, Name);
            }
        }
        else if (arguments.Length == 3 && arguments[1].IsNumber && arguments[2].IsNumber)
        {
            (y, x) = (arguments[1].AsNumber, arguments[2].AsNumber);
        }
        else
        {
            return InvalidArgument(context, Name);
        }
        if (!arguments[0].IsArray || arguments[0].AsArray.Count < 3)
        {
            return InvalidArgument(context, Name);
        }
        var polygon = new List<(double X, double Y)>();
        foreach (var vertex in arguments[0].AsArray)
        {
            if (!TryPair(vertex, lonLat, out var vx, out var vy))
            {
                return InvalidArgument(context, Name);
            }
            polygon.Add((vx, vy));
        }
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (xi, yi) = polygon[i];
            var (xj, yj) = polygon[j];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            {
                inside = !inside;
            }
        }
        return C8Value.From(inside);
    }

    /// <summary>A coordinate pair as (longitude, latitude), from [latitude, longitude] unless <paramref name="lonLat"/>.</summary>
    private static bool TryPair(C8Value value, bool lonLat, out double longitude, out double latitude)
    {
        longitude = latitude = 0;
        if (!value.IsArray || value.AsArray.Count != 2 || !value.AsArray[0].IsNumber || !value.AsArray[1].IsNumber)
        {
            return false;
        }
        (longitude, latitude) = lonLat
            ? (value.AsArray[0].AsNumber, value.AsArray[1].AsNumber)
            : (value.AsArray[1].AsNumber, value.AsArray[0].AsNumber);
        return true;
    }

    /// <summary>Vincenty's inverse formula on the WGS84 ellipsoid; nearly antipodal points fall back to the sphere.</summary>
    private static double Wgs84Distance(SpherePoint from, SpherePoint to)
    {
        const double MaxIterations = 200;
        var a = Wgs84SemiMajorAxis;
        var f = Wgs84Flattening;
        var b = a * (1 - f);
        var toRadians = Math.PI / 180;
        var l = (to.Longitude - from.Longitude) * toRadians;
        var u1 = Math.Atan((1 - f) * Math.Tan(from.Latitude * toRadians));
        var u2 = Math.Atan((1 - f) * Math.Tan(to.Latitude * toRadians));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);
        double lambda = l, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        var iteration = 0;
        while (true)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0)
            {
                return 0;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            var c = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
            var previous = lambda;
            lambda = l + (1 - c) * f * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                break;
            }
            if (++iteration >= MaxIterations)
            {
                return EarthRadius * from.AngleTo(to);
            }
        }
        var uSquared = cos2Alpha * (a * a - b * b) / (b * b);
        var bigA = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        var bigB = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return b * bigA * (sigma - deltaSigma);
    }

    /// <summary>The area on the WGS84 ellipsoid, through the equal-area mapping of latitudes onto the authalic sphere.</summary>
    private static double Wgs84Area(GeoShape shape)
    {
        var e2 = Wgs84Flattening * (2 - Wgs84Flattening);
        var e = Math.Sqrt(e2);
        double Q(double sinLatitude) => (1 - e2) * (sinLatitude / (1 - e2 * sinLatitude * sinLatitude)
            - 1 / (2 * e) * Math.Log((1 - e * sinLatitude) / (1 + e * sinLatitude)));
        var qPole = Q(1);
        var radius = Wgs84SemiMajorAxis * Math.Sqrt(qPole / 2);
        SpherePoint Authalic(SpherePoint p)
        {
            var latitude = Math.Asin(Math.Clamp(Q(Math.Sin(p.Latitude * Math.PI / 180)) / qPole, -1, 1)) * 180 / Math.PI;
            return SpherePoint.FromDegrees(p.Longitude, latitude);
        }
        return radius * radius * shape.Area(Authalic);
    }
}
