using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Reads and checks the body of an index creation, with GDN's answers where pyC8's recordings show them
/// (tests/cassettes/test_index): a wrong number of attributes is 400/10 "invalid number of index attributes", and a
/// unique index on a global collection 400/400 (replicas decide on their own, so only one region can enforce it).
/// </summary>
internal static class IndexDefinition
{
    public static IndexInfo Parse(C8Object body, string? typeOfPath, CollectionInfo collection)
    {
        var type = String(body, "type") ?? typeOfPath ?? throw C8Errors.BadRequest("'type' is required: persistent, hash, skiplist, ttl, geo or fulltext");
        if (typeOfPath is not null && type != typeOfPath)
        {
            throw C8Errors.BadRequest($"'type' must be \"{typeOfPath}\" on this path");
        }
        if (type is not ("persistent" or "hash" or "skiplist" or "ttl" or "geo" or "fulltext"))
        {
            throw C8Errors.BadRequest($"invalid index type '{type}': use persistent, hash, skiplist, ttl, geo or fulltext");
        }
        var fields = Fields(body);
        var (min, max) = type switch { "ttl" or "fulltext" => (1, 1), "geo" => (1, 2), _ => (1, 32) };
        if (fields.Count < min || fields.Count > max)
        {
            throw C8Errors.BadRequest("invalid number of index attributes");
        }
        var unique = Bool(body, "unique", false);
        CheckArrayFields(type, fields, unique);
        if (unique && type is "ttl" or "geo" or "fulltext")
        {
            throw C8Errors.BadRequest($"a {type} index cannot be unique");
        }
        if (unique && !collection.IsSpot && !collection.IsLocal)
        {
            throw new C8Exception(400, C8Errors.HttpBadRequest, "Invalid attribute: unique. Not allowed for global collections.");
        }
        double? expireAfter = null;
        if (type == "ttl")
        {
            var given = body["expireAfter"];
            expireAfter = given.IsNumber && given.AsNumber >= 0 ? given.AsNumber
                : throw C8Errors.BadRequest("'expireAfter' must be a number of seconds, 0 or more");
        }
        var minLength = Long(body, "minLength");
        var name = String(body, "name") ?? "";
        // Only persistent indexes can be dense: the others skip documents that lack their attribute.
        var sparse = type is "persistent" or "hash" or "skiplist" ? Bool(body, "sparse", false) : true;
        return new IndexInfo(0, collection.Id, type, fields, unique, sparse, Bool(body, "deduplicate", true), name,
            expireAfter, Bool(body, "geoJson", false), type == "fulltext" ? (int)(minLength ?? 2) : null);
    }

    /// <summary>Whether an existing index is the one asked for again (creating it twice returns it).</summary>
    public static bool SameAs(IndexInfo existing, IndexInfo requested) =>
        existing.Type == requested.Type && existing.Fields.SequenceEqual(requested.Fields) && existing.Unique == requested.Unique
        && existing.Sparse == requested.Sparse && existing.ExpireAfter == requested.ExpireAfter && existing.GeoJson == requested.GeoJson;

    /// <summary>
    /// C8 Local indexes the members of one array (a persistent index on <c>attribute[*]</c>, not unique); other uses
    /// of [*] are refused rather than indexed as the whole array. 400, not 501: nothing about the request can work here.
    /// </summary>
    private static void CheckArrayFields(string type, List<string> fields, bool unique)
    {
        var arrays = fields.Where(f => f.Contains(IndexInfo.ArrayMarker, StringComparison.Ordinal)).ToList();
        if (arrays.Count == 0)
        {
            return;
        }
        var field = arrays[0];
        var supported = type is "persistent" or "hash" or "skiplist" && fields.Count == 1 && !unique
            && field.IndexOf(IndexInfo.ArrayMarker, StringComparison.Ordinal) == field.Length - IndexInfo.ArrayMarker.Length
            && field.Length > IndexInfo.ArrayMarker.Length && !field.EndsWith("." + IndexInfo.ArrayMarker, StringComparison.Ordinal);
        if (!supported)
        {
            throw C8Errors.BadRequest($"array indexes such as '{field}' are supported by C8 Local only as the one field of a persistent index that is not unique, with [*] at its end: index an attribute that holds one value per document, or 'attribute[*]'");
        }
    }

    private static List<string> Fields(C8Object body)
    {
        var value = body["fields"];
        if (!value.IsArray || value.AsArray.Count == 0)
        {
            throw C8Errors.BadRequest("'fields' must be a non-empty array of attribute paths");
        }
        var fields = new List<string>();
        foreach (var item in value.AsArray)
        {
            if (!item.TryGetString(out var field) || field.Length == 0 || field.Split('.').Any(part => part.Length == 0))
            {
                throw C8Errors.BadRequest("'fields' must be a non-empty array of attribute paths");
            }
            if (field == "_id")
            {
                throw C8Errors.BadRequest("cannot index the _id attribute");
            }
            if (fields.Contains(field))
            {
                throw C8Errors.BadRequest($"duplicate attribute name '{field}' in index");
            }
            fields.Add(field);
        }
        return fields;
    }
}
