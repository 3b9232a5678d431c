namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string GeoPage = "aql/functions/geo.md";

    private const string Box = "LET box = { type: 'Polygon', coordinates: [[ [4, 54], [4, 47], [16, 47], [16, 54], [4, 54] ]] } ";

    private const string Holed = "LET holed = { type: 'Polygon', coordinates: [[ [100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0] ], " +
        "[ [100.8, 0.8], [100.8, 0.2], [100.2, 0.2], [100.2, 0.8], [100.8, 0.8] ]] } ";

    /// <summary>GeoJSON constructors and the geo utility functions.</summary>
    private static IEnumerable<ConformanceCase> GeoFunctions() =>
    [
        Q("geo.point", "RETURN GEO_POINT(1.0, 2.0)", """[{"type":"Point","coordinates":[1,2]}]""").Cites(GeoPage + "#geo_point (aqlGeoPoint_1)"),
        Q("geo.point-elevation", "RETURN GEO_POINT(1, 2, 3)", """[{"type":"Point","coordinates":[1,2,3]}]""").Cites(GeoPage + "#geo_point"),
        Q("geo.point-invalid", "RETURN GEO_POINT('a', 1)", "[null]").Warns(1542).Cites(GeoPage + "#geo_point"),
        Q("geo.multipoint", "RETURN GEO_MULTIPOINT([ [35, 10], [45, 45] ])", """[{"type":"MultiPoint","coordinates":[[35,10],[45,45]]}]""")
            .Cites(GeoPage + "#geo_multipoint (aqlGeoMultiPoint_1)"),
        Q("geo.linestring", "RETURN GEO_LINESTRING([ [35, 10], [45, 45] ])", """[{"type":"LineString","coordinates":[[35,10],[45,45]]}]""")
            .Cites(GeoPage + "#geo_linestring (aqlGeoLineString_1)"),
        Q("geo.linestring-too-short", "RETURN GEO_LINESTRING([ [35, 10] ])", "[null]").Warns(1542).Cites(GeoPage + "#geo_linestring"),
        Q("geo.multilinestring", "RETURN GEO_MULTILINESTRING([ [[100.0, 0.0], [101.0, 1.0]], [[102.0, 2.0], [101.0, 2.3]] ])",
            """[{"type":"MultiLineString","coordinates":[[[100,0],[101,1]],[[102,2],[101,2.3]]]}]""").Cites(GeoPage + "#geo_multilinestring (aqlGeoMultiLineString_1)"),
        Q("geo.polygon", "RETURN GEO_POLYGON([ [0.0, 0.0], [7.5, 2.5], [0.0, 5.0], [0.0, 0.0] ])",
            """[{"type":"Polygon","coordinates":[[[0,0],[7.5,2.5],[0,5],[0,0]]]}]""").Cites(GeoPage + "#geo_polygon (aqlGeoPolygon_1)"),
        Q("geo.polygon-hole", "RETURN GEO_POLYGON([ [[35, 10], [45, 45], [15, 40], [10, 20], [35, 10]], [[20, 30], [30, 20], [35, 35], [20, 30]] ])",
            """[{"type":"Polygon","coordinates":[[[35,10],[45,45],[15,40],[10,20],[35,10]],[[20,30],[30,20],[35,35],[20,30]]]}]""")
            .Cites(GeoPage + "#geo_polygon (aqlGeoPolygon_2)"),
        Q("geo.polygon-invalid", "RETURN [GEO_POLYGON([[0, 0], [1, 1], [0, 0], [0, 0]]), GEO_POLYGON([[0, 0], [1, 1], [1, 0], [2, 2]])]", "[[null,null]]")
            .Warns(1542).Cites(GeoPage + "#polygon"),
        Q("geo.multipolygon",
            "RETURN GEO_MULTIPOLYGON([ [ [[40, 40], [20, 45], [45, 30], [40, 40]] ], [ [[20, 35], [10, 30], [10, 10], [30, 5], [45, 20], [20, 35]], [[30, 20], [20, 15], [20, 25], [30, 20]] ] ])",
            """[{"type":"MultiPolygon","coordinates":[[[[40,40],[20,45],[45,30],[40,40]]],[[[20,35],[10,30],[10,10],[30,5],[45,20],[20,35]],[[30,20],[20,15],[20,25],[30,20]]]]}]""")
            .Cites(GeoPage + "#geo_multipolygon (aqlGeoMultiPolygon_1)"),
        Q("geo.distance", "RETURN DISTANCE(52.5163, 13.3777, 50.9322, 6.94)", "[476918.89688380965]").Cites(GeoPage + "#distance"),
        Q("geo.distance-invalid", "RETURN DISTANCE('a', 1, 2, 3)", "[null]").Warns(1542).Cites(GeoPage + "#distance"),
        Q("geo.geo-distance-points", "RETURN [ROUND(GEO_DISTANCE([13.3777, 52.5163], [6.94, 50.9322])), ROUND(GEO_DISTANCE(GEO_POINT(0, 0), [0, 1]))]", "[[476919,111195]]")
            .Cites(GeoPage + "#geo_distance"),
        Q("geo.geo-distance-wgs84", "RETURN ROUND(GEO_DISTANCE([0, 0], [0, 1], 'wgs84'))", "[110574]").Cites(GeoPage + "#geo_distance"),
        Q("geo.geo-distance-centroid", "RETURN ROUND(GEO_DISTANCE({ type: 'Polygon', coordinates: [[[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]]] }, [0, 0]))", "[0]")
            .Cites(GeoPage + "#geo_distance"),
        Q("geo.geo-distance-invalid", "RETURN [GEO_DISTANCE({ type: 'Nope' }, [0, 0]), GEO_DISTANCE([0, 0], [0, 1], 'mars')]", "[[null,null]]").Warns(1542)
            .Cites(GeoPage + "#geo_distance"),
        Q("geo.in-range", "RETURN [GEO_IN_RANGE([0, 0], [0, 1], 111000, 112000), GEO_IN_RANGE([0, 0], [0, 1], 0, 100), GEO_IN_RANGE([0, 0], [0, 0], 0, 10, false)]",
            "[[true,false,false]]").Cites(GeoPage + "#geo_in_range"),
        Q("geo.area", "RETURN [ROUND(GEO_AREA({ type: 'Polygon', coordinates: [[[-11.5, 23.5], [-10.5, 26.1], [-11.2, 27.1], [-11.5, 23.5]]] }) / 1000000), " +
            "ROUND(GEO_AREA({ type: 'Polygon', coordinates: [[[-11.5, 23.5], [-10.5, 26.1], [-11.2, 27.1], [-11.5, 23.5]]] }, 'wgs84') / 1000000)]",
            "[[15690,15659]]").Cites(GeoPage + "#geo_area"),
        Q("geo.area-with-hole", Holed + "RETURN ROUND(GEO_AREA(holed) / GEO_AREA(GEO_POLYGON([[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]])) * 100)",
            "[64]").Cites(GeoPage + "#polygon"),
        Q("geo.area-not-polygon", "RETURN GEO_AREA([1, 2])", "[null]").Warns(1542).Cites(GeoPage + "#geo_area"),
        Q("geo.equals", "LET polygonA = GEO_POLYGON([ [-11.5, 23.5], [-10.5, 26.1], [-11.2, 27.1], [-11.5, 23.5] ]) " +
            "LET polygonB = GEO_POLYGON([ [-11.5, 23.5], [-10.5, 26.1], [-11.2, 27.1], [-11.5, 23.5] ]) RETURN GEO_EQUALS(polygonA, polygonB)", "[true]")
            .Cites(GeoPage + "#geo_equals"),
        Q("geo.equals-different", "LET polygonA = GEO_POLYGON([ [-11.1, 24.0], [-10.5, 26.1], [-11.2, 27.1], [-11.1, 24.0] ]) " +
            "LET polygonB = GEO_POLYGON([ [-11.5, 23.5], [-10.5, 26.1], [-11.2, 27.1], [-11.5, 23.5] ]) RETURN GEO_EQUALS(polygonA, polygonB)", "[false]")
            .Cites(GeoPage + "#geo_equals"),
        Q("geo.contains-geodesic-edges", Box + "RETURN [GEO_CONTAINS(box, [10, 47]), GEO_CONTAINS(box, [10, 54]), GEO_CONTAINS(box, [10, 50])]", "[[false,true,true]]")
            .Cites(GeoPage + "#geojson-interpretation"),
        Q("geo.contains-clockwise-ring", "LET ring = { type: 'Polygon', coordinates: [[ [4, 54], [16, 54], [16, 47], [4, 47], [4, 54] ]] } " +
            "RETURN [GEO_CONTAINS(ring, [10, 50]), GEO_CONTAINS(ring, [0, 90]), GEO_CONTAINS(ring, [0, -90])]", "[[false,true,true]]")
            .Cites(GeoPage + "#geojson-interpretation"),
        Q("geo.contains-hole", Holed + "RETURN [GEO_CONTAINS(holed, [100.5, 0.5]), GEO_CONTAINS(holed, [100.1, 0.1])]", "[[false,true]]").Cites(GeoPage + "#polygon"),
        Q("geo.contains-lines", Holed + "RETURN [GEO_CONTAINS(holed, GEO_LINESTRING([[100.1, 0.1], [100.9, 0.1]])), GEO_CONTAINS(holed, GEO_LINESTRING([[100.1, 0.1], [100.9, 0.9]]))]",
            "[[true,false]]").Cites(GeoPage + "#geo_contains"),
        Q("geo.contains-polygon", Box + "RETURN [GEO_CONTAINS(box, GEO_POLYGON([[8, 49], [12, 49], [12, 52], [8, 52], [8, 49]])), GEO_CONTAINS(box, GEO_POLYGON([[8, 49], [20, 49], [20, 52], [8, 52], [8, 49]]))]",
            "[[true,false]]").Cites(GeoPage + "#geo_contains"),
        Q("geo.contains-needs-area", "RETURN GEO_CONTAINS(GEO_LINESTRING([[0, 0], [1, 1]]), [0, 0])", "[null]").Warns(1542).Cites(GeoPage + "#geo_contains"),
        Q("geo.intersects", "RETURN [GEO_INTERSECTS(GEO_LINESTRING([[0, 0], [10, 10]]), GEO_LINESTRING([[0, 10], [10, 0]])), " +
            "GEO_INTERSECTS(GEO_LINESTRING([[0, 0], [1, 1]]), GEO_LINESTRING([[5, 0], [6, 1]]))]", "[[true,false]]").Cites(GeoPage + "#geo_intersects"),
        Q("geo.intersects-area", Box + "RETURN [GEO_INTERSECTS(box, [10, 50]), GEO_INTERSECTS(box, [20, 50]), GEO_INTERSECTS(box, GEO_LINESTRING([[0, 50], [20, 50]])), " +
            "GEO_INTERSECTS(box, GEO_POLYGON([[15, 50], [25, 50], [25, 52], [15, 52], [15, 50]]))]", "[[true,false,true,true]]").Cites(GeoPage + "#geo_intersects"),
        Q("geo.is-in-polygon", "RETURN [IS_IN_POLYGON( [ [ 0, 0 ], [ 0, 10 ], [ 10, 10 ], [ 10, 0 ] ], 4, 7 ), IS_IN_POLYGON( [ [ 0, 0 ], [ 0, 10 ], [ 10, 10 ], [ 10, 0 ] ], [ 4, 7 ] ), " +
            "IS_IN_POLYGON( [ [ 0, 0 ], [ 10, 0 ], [ 10, 10 ], [ 0, 10 ] ], [ 7, 4 ], true ), IS_IN_POLYGON( [ [ 0, 0 ], [ 0, 10 ], [ 10, 10 ], [ 10, 0 ] ], 14, 7 )]",
            "[[true,true,true,false]]").Cites(GeoPage + "#is_in_polygon"),
    ];
}
