namespace PSC8.Server.Query.Functions;

/// <summary>A point on the unit sphere.</summary>
internal readonly record struct SpherePoint(double X, double Y, double Z)
{
    public static SpherePoint FromDegrees(double longitude, double latitude)
    {
        var lon = longitude * Math.PI / 180;
        var lat = latitude * Math.PI / 180;
        return new SpherePoint(Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }

    public double Latitude => Math.Atan2(Z, Math.Sqrt(X * X + Y * Y)) * 180 / Math.PI;

    public double Longitude => Math.Atan2(Y, X) * 180 / Math.PI;

    public double Dot(SpherePoint other) => X * other.X + Y * other.Y + Z * other.Z;

    public SpherePoint Cross(SpherePoint o) => new(Y * o.Z - Z * o.Y, Z * o.X - X * o.Z, X * o.Y - Y * o.X);

    public SpherePoint Plus(SpherePoint o) => new(X + o.X, Y + o.Y, Z + o.Z);

    public SpherePoint Times(double factor) => new(X * factor, Y * factor, Z * factor);

    public SpherePoint Normalized()
    {
        var length = Math.Sqrt(Dot(this));
        return length == 0 ? this : Times(1 / length);
    }

    /// <summary>The central angle to another point, in radians (stable for small and large angles).</summary>
    public double AngleTo(SpherePoint other) => Math.Atan2(Math.Sqrt(Cross(other).Dot(Cross(other))), Dot(other));
}

/// <summary>
/// A GeoJSON geometry (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon) or a
/// <c>[longitude, latitude]</c> pair, on the unit sphere. Lines and polygon edges are great-circle arcs, and a ring's
/// interior is to its left; rings after the first of a polygon are holes whatever their direction.
/// </summary>
internal sealed class GeoShape
{
    private const double Tolerance = 1e-12;

    private GeoShape(string type, List<SpherePoint> points, List<List<SpherePoint>> lines, List<List<List<SpherePoint>>> polygons)
    {
        Type = type;
        Points = points;
        Lines = lines;
        Polygons = polygons;
    }

    public string Type { get; }

    /// <summary>Points of a Point or MultiPoint.</summary>
    public List<SpherePoint> Points { get; }

    /// <summary>Vertex chains of a LineString or MultiLineString.</summary>
    public List<List<SpherePoint>> Lines { get; }

    /// <summary>Polygons as rings without their closing vertex; the first ring of each is the outer one.</summary>
    public List<List<List<SpherePoint>>> Polygons { get; }

    public bool IsArea => Polygons.Count > 0;

    /// <summary>Reads GeoJSON, or a coordinate pair when <paramref name="allowPair"/>; null when the value is neither.</summary>
    public static GeoShape? TryRead(C8Value value, bool allowPair = true)
    {
        if (allowPair && value.IsArray)
        {
            return TryPosition(value, out var pair) ? new GeoShape("Point", [pair], [], []) : null;
        }
        if (!value.TryGetObject(out var obj) || !obj["type"].TryGetString(out var type))
        {
            return null;
        }
        var coordinates = obj["coordinates"];
        var points = new List<SpherePoint>();
        var lines = new List<List<SpherePoint>>();
        var polygons = new List<List<List<SpherePoint>>>();
        var valid = type switch
        {
            "Point" => TryPosition(coordinates, out var point) && Add(points, point),
            "MultiPoint" => TryPositions(coordinates, 1, out var many) && AddRange(points, many),
            "LineString" => TryPositions(coordinates, 2, out var line) && Add(lines, line),
            "MultiLineString" => TryEach(coordinates, c => TryPositions(c, 2, out var part) && Add(lines, part)),
            "Polygon" => TryPolygon(coordinates, out var polygon) && Add(polygons, polygon),
            "MultiPolygon" => TryEach(coordinates, c => TryPolygon(c, out var part) && Add(polygons, part)),
            _ => false,
        };
        return valid ? new GeoShape(type, points, lines, polygons) : null;
    }

    private static bool Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return true;
    }

    private static bool AddRange<T>(List<T> list, IEnumerable<T> items)
    {
        list.AddRange(items);
        return true;
    }

    private static bool TryEach(C8Value value, Func<C8Value, bool> read) =>
        value.IsArray && value.AsArray.Count > 0 && value.AsArray.All(read);

    /// <summary>[longitude, latitude] with an optional elevation, which geometry ignores.</summary>
    public static bool TryPosition(C8Value value, out SpherePoint point)
    {
        point = default;
        if (!value.IsArray || value.AsArray.Count is < 2 or > 3 || !value.AsArray.All(c => c.IsNumber))
        {
            return false;
        }
        var longitude = value.AsArray[0].AsNumber;
        var latitude = value.AsArray[1].AsNumber;
        if (Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return false;
        }
        point = SpherePoint.FromDegrees(longitude, latitude);
        return true;
    }

    private static bool TryPositions(C8Value value, int minimum, out List<SpherePoint> points)
    {
        points = new List<SpherePoint>();
        if (!value.IsArray || value.AsArray.Count < minimum)
        {
            return false;
        }
        foreach (var item in value.AsArray)
        {
            if (!TryPosition(item, out var point))
            {
                return false;
            }
            points.Add(point);
        }
        return true;
    }

    /// <summary>Linear rings: at least four positions, the last equal to the first, three of them distinct.</summary>
    private static bool TryPolygon(C8Value value, out List<List<SpherePoint>> rings)
    {
        rings = new List<List<SpherePoint>>();
        if (!value.IsArray || value.AsArray.Count == 0)
        {
            return false;
        }
        foreach (var ringValue in value.AsArray)
        {
            if (!TryPositions(ringValue, 4, out var ring) || !SamePoint(ring[0], ring[^1]))
            {
                return false;
            }
            ring.RemoveAt(ring.Count - 1);
            if (ring.Distinct().Count() < 3)
            {
                return false;
            }
            rings.Add(ring);
        }
        return true;
    }

    private static bool SamePoint(SpherePoint a, SpherePoint b) => a.AngleTo(b) < Tolerance;

    /// <summary>Every edge of the lines and of the polygons' rings.</summary>
    public IEnumerable<(SpherePoint From, SpherePoint To)> Edges()
    {
        foreach (var line in Lines)
        {
            for (var i = 0; i + 1 < line.Count; i++)
            {
                yield return (line[i], line[i + 1]);
            }
        }
        foreach (var ring in Polygons.SelectMany(p => p))
        {
            for (var i = 0; i < ring.Count; i++)
            {
                yield return (ring[i], ring[(i + 1) % ring.Count]);
            }
        }
    }

    /// <summary>Every vertex of the shape.</summary>
    public IEnumerable<SpherePoint> Vertices() => Points.Concat(Lines.SelectMany(l => l)).Concat(Polygons.SelectMany(p => p).SelectMany(r => r));

    /// <summary>Whether an area shape holds the point (boundaries are not reliably inside, as in C8QL).</summary>
    public bool Covers(SpherePoint point) => Polygons.Count(polygon => PolygonCovers(polygon, point)) % 2 == 1;

    private static bool PolygonCovers(List<List<SpherePoint>> rings, SpherePoint point)
    {
        if (!LeftOf(rings[0], point))
        {
            return false;
        }
        var holes = 0;
        for (var i = 1; i < rings.Count; i++)
        {
            // A hole is the smaller side of its ring, whichever way the ring runs.
            var inside = LeftOf(rings[i], point) == (RingArea(rings[i]) <= 2 * Math.PI);
            holes += inside ? 1 : 0;
        }
        return holes % 2 == 0;
    }

    /// <summary>
    /// Whether the point lies to the left of the ring: a point just left of the first edge is, and every crossing of
    /// the ring on the way from there to the point changes sides.
    /// </summary>
    private static bool LeftOf(List<SpherePoint> ring, SpherePoint point)
    {
        var a = ring[0];
        var b = ring[1];
        var start = a.Plus(b).Normalized().Plus(a.Cross(b).Normalized().Times(1e-9)).Normalized();
        var crossings = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            crossings += Cross(start, point, ring[i], ring[(i + 1) % ring.Count]) ? 1 : 0;
        }
        return crossings % 2 == 0;
    }

    /// <summary>The area to the left of a ring on the unit sphere, from 0 to 4π.</summary>
    private static double RingArea(List<SpherePoint> ring)
    {
        var area = 0.0;
        for (var i = 1; i + 1 < ring.Count; i++)
        {
            area += TriangleArea(ring[0], ring[i], ring[i + 1]);
        }
        return area < 0 ? 4 * Math.PI + area : area;
    }

    /// <summary>Whether arcs ab and cd cross at a point inside both (S2's rule: ACB, CBD, BDA and DAC turn the same way).</summary>
    public static bool Cross(SpherePoint a, SpherePoint b, SpherePoint c, SpherePoint d)
    {
        var acb = Orientation(a, c, b);
        return acb != 0 && acb == Orientation(c, b, d) && acb == Orientation(b, d, a) && acb == Orientation(d, a, c);
    }

    private static int Orientation(SpherePoint x, SpherePoint y, SpherePoint z)
    {
        var determinant = x.Cross(y).Dot(z);
        return determinant > Tolerance ? 1 : determinant < -Tolerance ? -1 : 0;
    }

    /// <summary>Whether the point lies on the arc ab.</summary>
    public static bool OnArc(SpherePoint point, SpherePoint a, SpherePoint b) =>
        Math.Abs(point.AngleTo(a) + point.AngleTo(b) - a.AngleTo(b)) < 1e-10;

    /// <summary>
    /// The centroid: of points their mean direction, of lines the midpoints of the edges weighted by length, of
    /// polygons the centres of a triangle fan weighted by signed area.
    /// </summary>
    public SpherePoint Centroid()
    {
        var sum = new SpherePoint(0, 0, 0);
        if (Polygons.Count > 0)
        {
            foreach (var ring in Polygons.SelectMany(p => p.Take(1)))
            {
                for (var i = 1; i + 1 < ring.Count; i++)
                {
                    var area = TriangleArea(ring[0], ring[i], ring[i + 1]);
                    sum = sum.Plus(ring[0].Plus(ring[i]).Plus(ring[i + 1]).Normalized().Times(area));
                }
            }
        }
        else if (Lines.Count > 0)
        {
            foreach (var (from, to) in Edges())
            {
                sum = sum.Plus(from.Plus(to).Normalized().Times(from.AngleTo(to)));
            }
        }
        else
        {
            foreach (var point in Points)
            {
                sum = sum.Plus(point);
            }
        }
        return sum.Dot(sum) == 0 ? Vertices().First() : sum.Normalized();
    }

    /// <summary>The area of the polygons on the unit sphere, vertices mapped by <paramref name="project"/>: outer rings minus holes.</summary>
    public double Area(Func<SpherePoint, SpherePoint> project)
    {
        var total = 0.0;
        foreach (var polygon in Polygons)
        {
            for (var r = 0; r < polygon.Count; r++)
            {
                var area = RingArea(polygon[r].Select(project).ToList());
                total += r == 0 ? area : -Math.Min(area, 4 * Math.PI - area);
            }
        }
        return total;
    }

    /// <summary>Signed area (spherical excess) of the triangle abc: positive when it runs counter-clockwise.</summary>
    private static double TriangleArea(SpherePoint a, SpherePoint b, SpherePoint c) =>
        2 * Math.Atan2(a.Dot(b.Cross(c)), 1 + a.Dot(b) + b.Dot(c) + c.Dot(a));
}
