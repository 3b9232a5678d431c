namespace PSC8.Server.Query.Functions;

/// <summary>
/// NEAR, WITHIN, WITHIN_RECTANGLE and FULLTEXT: as in ArangoDB they answer only through a geo or fulltext index of
/// the collection and otherwise fail the query with 1570 or 1571, after the checks ArangoDB makes first (argument
/// count, the collection exists). Geo searches read the index's latitude band; distances are great-circle meters on
/// the sphere GEO_DISTANCE uses, between the given point and each document's location (a shape's centroid).
/// </summary>
internal static class IndexFunctions
{
    private const int GeoIndexMissing = 1570;
    private const int FulltextIndexMissing = 1571;
    private const int DefaultNearLimit = 100;

    private const FunctionTraits ReadsIndex = FunctionTraits.NeedsStore | FunctionTraits.NonDeterministic
        | FunctionTraits.CollectionArgument | FunctionTraits.ReadsCollectionByValue;

    public static void Register(FunctionTable table)
    {
        table.Add("NEAR", 3, 5, Near, ReadsIndex);
        table.Add("WITHIN", 4, 5, Within, ReadsIndex);
        table.Add("WITHIN_RECTANGLE", 5, 5, WithinRectangle, ReadsIndex);
        table.Add("FULLTEXT", 3, 4, Fulltext, ReadsIndex);
    }

    /// <summary>NEAR(collection, latitude, longitude, limit = 100, distanceName): the nearest documents, nearest first.</summary>
    private static C8Value Near(QueryContext context, ReadOnlySpan<C8Value> a)
    {
        var (name, index) = GeoIndex(context, a[0]);
        var center = Point(a[1], a[2], "NEAR");
        var limit = a.Length > 3 && !a[3].IsNull ? Count(a[3], "NEAR") : DefaultNearLimit;
        var found = Located(context, name, index, -90, 90, center).Take(limit);
        return Answer(found, a.Length > 4 ? a[4] : C8Value.Null, "NEAR");
    }

    /// <summary>WITHIN(collection, latitude, longitude, radius, distanceName): the documents within radius meters, nearest first.</summary>
    private static C8Value Within(QueryContext context, ReadOnlySpan<C8Value> a)
    {
        var (name, index) = GeoIndex(context, a[0]);
        var center = Point(a[1], a[2], "WITHIN");
        var radius = a[3].IsNumber ? a[3].AsNumber : throw QueryErrors.InvalidArgument("WITHIN");
        var (low, high) = GeoBand.Latitudes(a[1].AsNumber, radius);
        return Answer(Located(context, name, index, low, high, center).TakeWhile(d => d.Distance <= radius), a.Length > 4 ? a[4] : C8Value.Null, "WITHIN");
    }

    /// <summary>WITHIN_RECTANGLE(collection, latitude1, longitude1, latitude2, longitude2): the documents inside the corners' box.</summary>
    private static C8Value WithinRectangle(QueryContext context, ReadOnlySpan<C8Value> a)
    {
        var (name, index) = GeoIndex(context, a[0]);
        Point(a[1], a[2], "WITHIN_RECTANGLE");
        Point(a[3], a[4], "WITHIN_RECTANGLE");
        var (south, north) = (Math.Min(a[1].AsNumber, a[3].AsNumber), Math.Max(a[1].AsNumber, a[3].AsNumber));
        var (west, east) = (Math.Min(a[2].AsNumber, a[4].AsNumber), Math.Max(a[2].AsNumber, a[4].AsNumber));
        var inside = new List<C8Value>();
        foreach (var document in context.Store.GeoScan(name, index, south, north, unlocated: false, null) ?? throw Missing(name, GeoIndexMissing))
        {
            if (GeoLocation.Of(document, index) is { } at && at.Latitude >= south && at.Latitude <= north && at.Longitude >= west && at.Longitude <= east)
            {
                inside.Add(C8Value.From(document));
            }
        }
        return C8Value.From(inside.OrderBy(d => d.AsObject["_key"].AsString, StringComparer.Ordinal).ToArray());
    }

    /// <summary>FULLTEXT(collection, attribute, query, limit): the documents whose attribute has the query's words, in key order.</summary>
    private static C8Value Fulltext(QueryContext context, ReadOnlySpan<C8Value> a)
    {
        var name = CollectionName(context, a[0]);
        if (!a[1].TryGetString(out var attribute) || !a[2].TryGetString(out var text))
        {
            throw QueryErrors.InvalidArgument("FULLTEXT");
        }
        var index = context.Store.Indexes(name).FirstOrDefault(i => i.IsFulltext && i.Fields[0] == attribute)
            ?? throw Missing(name, FulltextIndexMissing);
        var query = FulltextQuery.Parse(text);
        var limit = a.Length > 3 && !a[3].IsNull ? Count(a[3], "FULLTEXT") : int.MaxValue;
        var minLength = index.MinLength ?? 1;
        var found = new List<C8Value>();
        // The index finds a superset of the documents (those a transaction wrote it does not show yet): each is checked.
        foreach (var document in context.Store.FulltextScan(name, index, query) ?? throw Missing(name, FulltextIndexMissing))
        {
            context.Tick();
            if (found.Count >= limit)
            {
                break;
            }
            context.Stats.ScannedIndex++;
            if (query.Matches(FulltextQuery.Words(AttributePaths.Read(document, attribute), minLength)))
            {
                found.Add(C8Value.From(document));
            }
        }
        return C8Value.From(found.ToArray());
    }

    /// <summary>The documents of the band that have a location, nearest first (ties by key), with their distance.</summary>
    private static IEnumerable<(C8Object Document, double Distance)> Located(QueryContext context, string name, IndexInfo index, double low, double high, SpherePoint center)
    {
        var located = new List<(C8Object Document, double Distance)>();
        foreach (var document in context.Store.GeoScan(name, index, low, high, unlocated: false, null) ?? throw Missing(name, GeoIndexMissing))
        {
            context.Tick();
            if (GeoLocation.Of(document, index) is { } at)
            {
                located.Add((document, GeoLocation.Distance(center, at)));
            }
        }
        return located.OrderBy(d => d.Distance).ThenBy(d => d.Document["_key"].AsString, StringComparer.Ordinal);
    }

    private static C8Value Answer(IEnumerable<(C8Object Document, double Distance)> found, C8Value distanceName, string function)
    {
        if (!distanceName.IsNull && !distanceName.IsString)
        {
            throw QueryErrors.InvalidArgument(function);
        }
        return C8Value.From(found.Select(d => C8Value.From(distanceName.TryGetString(out var attribute) ? With(d.Document, attribute, d.Distance) : d.Document)).ToArray());
    }

    private static C8Object With(C8Object document, string attribute, double distance)
    {
        var builder = new C8Object.Builder(document.Count + 1);
        foreach (var (name, value) in document)
        {
            builder.Set(name, value);
        }
        return builder.Set(attribute, C8Value.From(distance)).Build();
    }

    private static (string Name, IndexInfo Index) GeoIndex(QueryContext context, C8Value collection)
    {
        var name = CollectionName(context, collection);
        return (name, context.Store.Indexes(name).FirstOrDefault(i => i.IsGeo) ?? throw Missing(name, GeoIndexMissing));
    }

    private static string CollectionName(QueryContext context, C8Value collection)
    {
        if (!collection.TryGetString(out var name))
        {
            throw new C8Exception(400, C8Errors.BadParameter, "collection name expected as first argument");
        }
        return context.Store.CollectionExists(name) ? name : throw C8Errors.CollectionNotFound(name);
    }

    private static SpherePoint Point(C8Value latitude, C8Value longitude, string function) =>
        latitude.IsNumber && longitude.IsNumber && Math.Abs(latitude.AsNumber) <= 90 && Math.Abs(longitude.AsNumber) <= 180
            ? SpherePoint.FromDegrees(longitude.AsNumber, latitude.AsNumber)
            : throw QueryErrors.InvalidArgument(function);

    private static int Count(C8Value value, string function) =>
        value.IsNumber && value.AsNumber >= 0 ? (int)Math.Min(int.MaxValue, C8Conversions.ToInteger(value)) : throw QueryErrors.InvalidArgument(function);

    private static C8Exception Missing(string name, int code) =>
        new(400, code, code == GeoIndexMissing ? $"no suitable geo index found for geo restriction on '{name}'" : $"no suitable fulltext index found for fulltext query on '{name}'");
}
