namespace PSC8.Server.Api;

/// <summary>
/// What GDN's published OpenAPI document defines for each route C8 Local serves, written out by hand from it
/// (query parameters and body fields per operation), plus what API.md records the official drivers send although
/// the document lacks it (§1.2 path aliases, §4 the spot-region move, §5 isSpot/strongConsistency/isSystem on
/// collection create and the cursor options pyC8 and jsC8 send flat, §10 ?strongConsistency on document and
/// key-value requests, §13 database/current). A route missing here is a C8 Local extension: --strict-api refuses it.
/// </summary>
internal static class PublishedApi
{
    private const PathForms Fabric = PathForms.FabricScoped;
    private const PathForms Plain = PathForms.Unscoped;

    private static readonly string[] Strong = ["strongConsistency"];
    private static readonly BodyShape Grant = BodyShape.Of("grant");
    private static readonly BodyShape Metadata = BodyShape.Of("metadata");
    private static readonly string[] CursorOptions =
        ["failOnWarning", "fullCount", "intermediateCommitCount", "intermediateCommitSize", "maxTransactionSize",
         "maxWarningCount", "profile", "skipInaccessibleCollections", "stream", "optimizer"];

    private static readonly IReadOnlyDictionary<string, ApiContract> Contracts = Build();

    /// <summary>The contract of a matched route, or null when GDN's published API does not have it.</summary>
    public static ApiContract? For(Http.Route route) => Contracts.GetValueOrDefault(Key(route.Method, route.Pattern));

    private static string Key(string method, IEnumerable<string> pattern) =>
        method + " " + string.Join('/', pattern.Select(p => p.StartsWith('{') ? "{}" : p));

    private static Dictionary<string, ApiContract> Build()
    {
        var table = new Dictionary<string, ApiContract>(StringComparer.Ordinal);
        void Add(string method, string pattern, PathForms forms, string[]? query = null, BodyShape? body = null)
        {
            var prefix = forms == Fabric ? "/_fabric/{fabric}/_api/" : pattern.StartsWith("datacenter", StringComparison.Ordinal) || pattern.StartsWith("_open", StringComparison.Ordinal) ? "/" : "/_api/";
            var operation = $"{method} {prefix}{pattern}";
            table.Add(Key(method, pattern.Split('/')), new ApiContract(operation, forms, (query ?? []).ToHashSet(StringComparer.Ordinal), body));
        }

        Add("POST", "_open/auth", Plain, body: BodyShape.Of("email", "password", "tenant", "username"));
        Add("GET", "version", Plain, ["details"]); // pyC8's version(details) sends it

        Add("GET", "datacenter/all", Plain);
        Add("GET", "datacenter/local", Plain);
        Add("GET", "datacenter/_tenant/{tenant}", Plain);
        Add("GET", "datacenter/{name}", Plain);
        Add("PUT", "datacenter/{name}/{spot}", Plain);

        Add("GET", "database", Fabric);
        Add("GET", "database/user", Fabric);
        Add("GET", "database/current", Fabric);
        Add("GET", "database/metadata", Fabric);
        Add("PUT", "database/metadata", Fabric, body: Metadata);
        Add("PATCH", "database/metadata", Fabric, body: Metadata);
        Add("POST", "database", Fabric, body: BodyShape.Of("name", "tenant", "users").With("options", BodyShape.Of("dcList", "spotDc", "metadata")));
        Add("DELETE", "database/{name}", Fabric);
        Add("PUT", "database/{region}", Fabric, body: BodyShape.Of());

        Add("GET", "collection", Fabric, ["excludeSystem"]);
        Add("POST", "collection", Fabric, body: BodyShape.Of("isLocal", "name", "cacheEnabled", "waitForSync", "enableShards", "type", "stream", "isSpot", "strongConsistency", "isSystem")
            .With("keyOptions", BodyShape.Of("allowUserKeys", "increment", "offset", "type")));
        Add("GET", "collection/{name}", Fabric);
        Add("PUT", "collection/{name}/properties", Fabric, body: BodyShape.Of("hasStream", "waitForSync", "cacheEnabled"));
        Add("GET", "collection/{name}/count", Fabric);
        Add("GET", "collection/{name}/figures", Fabric);
        Add("PUT", "collection/{name}/truncate", Fabric);
        Add("DELETE", "collection/{name}", Fabric, ["isSystem"]);

        Add("GET", "document/{collection}/{key}", Fabric, Strong);
        Add("HEAD", "document/{collection}/{key}", Fabric, Strong);
        Add("POST", "document/{collection}", Fabric, ["collection", "returnNew", "returnOld", "silent", "overwrite", "waitForSync", .. Strong]);
        Add("PUT", "document/{collection}", Fabric, ["ignoreRevs", "returnOld", "returnNew", "waitForSync", .. Strong]);
        Add("PATCH", "document/{collection}", Fabric, ["keepNull", "mergeObjects", "ignoreRevs", "returnOld", "returnNew", "waitForSync", .. Strong]);
        Add("DELETE", "document/{collection}", Fabric, ["returnOld", "ignoreRevs", "waitForSync", .. Strong]);
        Add("PUT", "document/{collection}/{key}", Fabric, ["ignoreRevs", "returnOld", "returnNew", "silent", "waitForSync", .. Strong]);
        Add("PATCH", "document/{collection}/{key}", Fabric, ["keepNull", "mergeObjects", "ignoreRevs", "returnOld", "returnNew", "silent", "waitForSync", .. Strong]);
        Add("DELETE", "document/{collection}/{key}", Fabric, ["returnOld", "silent", "waitForSync", .. Strong]);

        Add("GET", "kv", Fabric);
        Add("POST", "kv/{collection}", Fabric, ["expiration", "group"], BodyShape.Of("stream", "enableShards", "waitForSync", "cacheEnabled", "blobs", "shardKeys"));
        Add("DELETE", "kv/{collection}", Fabric);
        Add("GET", "kv/{collection}/count", Fabric, ["groupID"]);
        Add("GET", "kv/{collection}/keys", Fabric, ["groupID", "offset", "limit", "order"]);
        Add("PUT", "kv/{collection}/truncate", Fabric, ["groupID"]);
        Add("PUT", "kv/{collection}/value", Fabric, Strong, BodyShape.Of("_key", "value", "groupID", "expireAt"));
        Add("GET", "kv/{collection}/value/{key}", Fabric, Strong);
        Add("DELETE", "kv/{collection}/value/{key}", Fabric, Strong);
        Add("POST", "kv/{collection}/values", Fabric, ["groupID", "offset", "limit", .. Strong]);
        Add("DELETE", "kv/{collection}/values", Fabric, Strong);

        Add("GET", "index", Fabric, ["collection"]);
        Add("POST", "index/fulltext", Fabric, ["collection"], BodyShape.Of("fields", "minLength", "type"));
        Add("POST", "index/general", Fabric, ["collection"], BodyShape.Of("fields", "name", "type", "sparse", "unique", "deduplicate"));
        Add("POST", "index/geo", Fabric, ["collection"], BodyShape.Of("fields", "geoJson", "type"));
        Add("POST", "index/hash", Fabric, ["collection"], BodyShape.Of("deduplicate", "fields", "sparse", "type", "unique"));
        Add("POST", "index/persistent", Fabric, ["collection"], BodyShape.Of("fields", "sparse", "type", "unique", "deduplicate"));
        Add("POST", "index/skiplist", Fabric, ["collection"], BodyShape.Of("deduplicate", "fields", "sparse", "type", "unique"));
        // name as index/general publishes it for every kind of index; the TTL path's own schema leaves it out.
        Add("POST", "index/ttl", Fabric, ["collection"], BodyShape.Of("expireAfter", "fields", "type", "name"));
        Add("GET", "index/{collection}/{index}", Fabric);
        Add("DELETE", "index/{collection}/{index}", Fabric);

        Add("POST", "import/{collection}", Fabric);
        Add("GET", "export/{collection}", Fabric, ["offset", "limit", "order"]);
        Add("POST", "export", Fabric, body: BodyShape.Of("bindVars", "query"));

        Add("POST", "cursor", Fabric, body: BodyShape.Of(["batchSize", "bindVars", "count", "query", "ttl", .. CursorOptions]).With("options", BodyShape.Of(CursorOptions)));
        Add("POST", "cursor/sql", Fabric, body: BodyShape.Of("batchSize", "bindVars", "count", "query", "ttl"));
        Add("PUT", "cursor/{id}", Fabric);
        Add("DELETE", "cursor/{id}", Fabric);
        Add("POST", "query", Fabric, body: BodyShape.Of("query"));
        // Not in the published document; API.md ("Related" under cursors) records them as GDN answers them.
        Add("GET", "query/current", Fabric);
        Add("GET", "query/slow", Fabric);
        Add("DELETE", "query/slow", Fabric);
        Add("DELETE", "query/{id}", Fabric);
        Add("POST", "query/explain", Fabric, body: BodyShape.Of("bindVars", "query").With("options", BodyShape.Of("allPlans", "maxNumberOfPlans", "optimizer")));

        var worker = BodyShape.Of().With("query", BodyShape.Of("name", "parameter", "value", "type"));
        Add("GET", "restql/user", Fabric);
        Add("POST", "restql/import", Fabric, body: BodyShape.Of("queries", "details"));
        Add("POST", "restql/execute/{name}", Fabric, body: BodyShape.Of("bindVars", "batchSize"));
        Add("PUT", "restql/fetch/{id}", Fabric);
        Add("POST", "restql", Fabric, body: worker);
        Add("PUT", "restql/{name}", Fabric, body: worker);
        Add("DELETE", "restql/{name}", Fabric);

        Add("POST", "key/validate", Plain, body: BodyShape.Of("apikey"));
        Add("POST", "key", Plain, body: BodyShape.Of("keyid", "user", "isSystem"));
        Add("GET", "key", Plain, ["user"]);
        Add("GET", "key/{keyid}", Plain);
        Add("DELETE", "key/{keyid}", Plain);

        Add("GET", "user", PathForms.UnscopedOrAdmin);
        Add("POST", "user", PathForms.UnscopedOrAdmin, body: BodyShape.Of("active", "email", "passwd", "displayName"));
        Add("GET", "user/{user}", PathForms.UnscopedOrAdmin);
        Add("PATCH", "user/{user}", PathForms.UnscopedOrAdmin, body: BodyShape.Of("active", "passwd", "displayName").With("newEmail", BodyShape.Of("email", "isVerified")));
        Add("DELETE", "user/{user}", PathForms.UnscopedOrAdmin);

        foreach (var (owner, forms) in new[] { ("key/{keyid}", Plain), ("user/{user}", PathForms.UnscopedOrAdmin) })
        {
            Add("GET", $"{owner}/database", forms, ["full"]);
            Add("GET", $"{owner}/database/{{fabric}}", forms);
            Add("PUT", $"{owner}/database/{{fabric}}", forms, body: Grant);
            Add("DELETE", $"{owner}/database/{{fabric}}", forms);
            Add("GET", $"{owner}/database/{{fabric}}/collection", forms, ["full"]);
            Add("GET", $"{owner}/database/{{fabric}}/collection/{{collection}}", forms);
            Add("PUT", $"{owner}/database/{{fabric}}/collection/{{collection}}", forms, body: Grant);
            Add("DELETE", $"{owner}/database/{{fabric}}/collection/{{collection}}", forms);
            Add("GET", $"{owner}/attributes", forms);
            Add("PUT", $"{owner}/attributes", forms); // the attributes themselves are the body
            Add("DELETE", $"{owner}/attributes/{{name}}", forms); // also attributes/truncate
        }
        return table;
    }
}
