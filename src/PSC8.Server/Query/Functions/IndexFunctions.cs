using PSC8.Server.Model;
using PSC8.Server.Query.Execution;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// NEAR, WITHIN, WITHIN_RECTANGLE and FULLTEXT: ArangoDB answers them only through a geo or fulltext index of the
/// collection and otherwise fails the query with 1570 or 1571. C8 Local keeps no such indexes, so after the checks
/// ArangoDB makes first (argument count, the collection exists) it fails the same way.
/// </summary>
internal static class IndexFunctions
{
    private const int GeoIndexMissing = 1570;
    private const int FulltextIndexMissing = 1571;

    private const FunctionTraits ReadsIndex = FunctionTraits.NeedsStore | FunctionTraits.NonDeterministic
        | FunctionTraits.CollectionArgument | FunctionTraits.ReadsCollectionByValue;

    public static void Register(FunctionTable table)
    {
        table.Add("NEAR", 3, 5, (c, a) => throw Missing(c, a[0], GeoIndexMissing, "geo index found for geo restriction"), ReadsIndex);
        table.Add("WITHIN", 4, 5, (c, a) => throw Missing(c, a[0], GeoIndexMissing, "geo index found for geo restriction"), ReadsIndex);
        table.Add("WITHIN_RECTANGLE", 5, 5, (c, a) => throw Missing(c, a[0], GeoIndexMissing, "geo index found for geo restriction"), ReadsIndex);
        table.Add("FULLTEXT", 3, 4, (c, a) => throw Missing(c, a[0], FulltextIndexMissing, "fulltext index found for fulltext query"), ReadsIndex);
    }

    private static C8Exception Missing(QueryContext context, C8Value collection, int code, string what)
    {
        if (!collection.TryGetString(out var name))
        {
            return new C8Exception(400, C8Errors.BadParameter, "collection name expected as first argument");
        }
        if (!context.Store.CollectionExists(name))
        {
            return C8Errors.CollectionNotFound(name);
        }
        return new C8Exception(400, code, $"no suitable {what} on '{name}'");
    }
}
