namespace PSC8.Server.Documents;

/// <summary>
/// System collections that GDN lets C8QL read although C8 Local keeps no documents for them: <c>_collections</c>, one
/// row per collection of the fabric that the caller can see (jsC8's restql test saves "for coll in _collections return
/// coll"). They are read-only: a query that writes to one fails with 403.
/// </summary>
internal static class SystemCollections
{
    public const string Collections = "_collections";

    public static bool IsVirtual(string name) => name == Collections;

    public static IEnumerable<C8Object> Rows(IEnumerable<CollectionInfo> visible) => visible.Select(c => new C8Object.Builder()
        .Set("_key", C8Value.From(c.Name))
        .Set("_id", C8Value.From(Collections + "/" + c.Name))
        .Set("id", C8Value.From(c.Id.ToString(CultureInfo.InvariantCulture)))
        .Set("name", C8Value.From(c.Name))
        .Set("type", C8Value.From(c.Type))
        .Set("collectionModel", C8Value.From(c.Model))
        .Set("isSystem", C8Value.From(c.IsSystem))
        .Set("isSpot", C8Value.From(c.IsSpot))
        .Set("isLocal", C8Value.From(c.IsLocal))
        .Build());

    public static C8Exception ReadOnly(string name) =>
        new(403, C8Errors.Forbidden, $"'{name}' is a system collection that queries can read but not write");
}
