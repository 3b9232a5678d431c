using PSC8.Server.KeyValue;
using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Key-value collections (/_api/kv…, the 11 operations of the published API): create with or without expiration,
/// list, drop, put, get, delete one or many, keys, values, count, truncate. Answers are shaped as pyC8's recordings
/// of the real service show them (tests/cassettes/test_keyvalue/*.yaml).
/// </summary>
internal static class KeyValueEndpoints
{
    private const int DefaultPage = 20;
    private const int MaxPage = 100;
    private const int MaxDeletes = 1000;

    public static void Map(Router router)
    {
        router.Map("GET", "kv", ListAsync);
        router.Map("POST", "kv/{collection}", CreateAsync);
        router.Map("DELETE", "kv/{collection}", DropAsync);
        router.Map("GET", "kv/{collection}/count", CountAsync);
        router.Map("GET", "kv/{collection}/keys", KeysAsync);
        router.Map("PUT", "kv/{collection}/truncate", TruncateAsync);
        router.Map("PUT", "kv/{collection}/value", PutAsync);
        router.Map("GET", "kv/{collection}/value/{key}", GetAsync);
        router.Map("DELETE", "kv/{collection}/value/{key}", RemoveOneAsync);
        router.Map("POST", "kv/{collection}/values", ValuesAsync);
        router.Map("DELETE", "kv/{collection}/values", RemoveManyAsync);
    }

    private static C8Exception NotFound() => new(404, C8Errors.KeyValueCollectionNotFound, "KV collection not found");

    /// <summary>The key-value collection of the route: the fabric (404 1228), then the collection (404 101000), then access.</summary>
    private static CollectionTarget Target(IncomingRequest request, AccessLevel needed)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly).Fabric;
        var name = request.Route("collection");
        var collection = request.Cluster.Catalog.FindCollection(fabric.Name, name);
        if (collection is not { IsKeyValue: true })
        {
            throw NotFound();
        }
        request.Cluster.Access.RequireCollection(request.Principal, fabric.Name, name, needed);
        return new CollectionTarget(request, fabric, collection);
    }

    private static void RefuseGroups(IncomingRequest request)
    {
        if (request.QueryBool("group", false) || request.Query("groupID") is not null)
        {
            throw C8Errors.BadRequest("key-value groups (group, groupID) are not supported by C8 Local");
        }
    }

    private static Task WriteNamedAsync(IncomingRequest request, string name) =>
        Responses.WriteEnvelopeAsync(request.Http, 200, w => w.WriteString("name", name));

    private static Task ListAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly).Fabric;
        var items = request.Cluster.Catalog.Collections(fabric.Name)
            .Where(c => c.IsKeyValue && request.Cluster.Access.CollectionLevel(request.Principal, fabric.Name, c.Name) > AccessLevel.None)
            .Select(c => O(new C8Object.Builder().Set("name", S(c.Name)).Set("expiration", B(c.Expiration))));
        return Responses.WriteResultAsync(request.Http, 200, Array(items));
    }

    private static async Task CreateAsync(IncomingRequest request)
    {
        RefuseGroups(request);
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadWrite).Fabric;
        var name = request.Route("collection");
        FabricNames.ValidateCollection(name, isSystem: false);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var collection = new CollectionInfo(
            request.Cluster.Catalog.NextCollectionId(), fabric.Name, name, CollectionInfo.DocumentType, IsSpot: false, IsLocal: false,
            LocalRegion: null, HasStream: Bool(body, "stream", false), WaitForSync: Bool(body, "waitForSync", false), IsSystem: false,
            KeyOptions: KeyOptionsInfo.Traditional)
        {
            Model = CollectionInfo.KeyValueModel,
            Expiration = request.QueryBool("expiration", false),
        };
        if (!request.Cluster.Catalog.TryAddCollection(collection))
        {
            throw new C8Exception(409, C8Errors.DuplicateName, $"duplicate name: collection '{name}' already exists in fabric '{fabric.Name}'");
        }
        await WriteNamedAsync(request, name).ConfigureAwait(false);
    }

    private static Task DropAsync(IncomingRequest request)
    {
        var collection = Target(request, AccessLevel.ReadWrite).Collection;
        CollectionEndpoints.RemoveEverywhere(request.Cluster, collection);
        return WriteNamedAsync(request, collection.Name);
    }

    /// <summary>The live pairs in key order (expired ones left out), after <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    private static IEnumerable<C8Object> Live(FabricTransaction transaction, CollectionInfo collection, long offset = 0, long limit = long.MaxValue, bool descending = false)
    {
        var now = KeyValueRules.NowSeconds();
        var pairs = transaction.Scan(collection).Where(p => !KeyValueRules.IsExpired(collection, p, now));
        if (descending)
        {
            pairs = pairs.Reverse();
        }
        return pairs.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)Math.Min(limit, int.MaxValue));
    }

    private static (long Offset, long Limit) Page(IncomingRequest request)
    {
        var offset = request.QueryLong("offset") ?? 0;
        var limit = request.QueryLong("limit") ?? DefaultPage;
        if (offset < 0 || limit < 1 || limit > MaxPage)
        {
            throw C8Errors.BadRequest($"'offset' must be 0 or more and 'limit' between 1 and {MaxPage}");
        }
        return (offset, limit);
    }

    private static async Task CountAsync(IncomingRequest request)
    {
        RefuseGroups(request);
        var target = Target(request, AccessLevel.ReadOnly);
        var collection = target.Collection;
        var count = await RegionExecutor.ReadAsync(target, t => collection.Expiration ? Live(t, collection).LongCount() : t.Count(collection)).ConfigureAwait(false);
        await Responses.WriteEnvelopeAsync(request.Http, 200, w =>
        {
            w.WriteString("name", collection.Name);
            w.WriteNumber("count", count);
        }).ConfigureAwait(false);
    }

    private static async Task KeysAsync(IncomingRequest request)
    {
        RefuseGroups(request);
        var target = Target(request, AccessLevel.ReadOnly);
        var (offset, limit) = Page(request);
        var descending = (request.Query("order") ?? "asc").ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => throw C8Errors.BadRequest("'order' must be asc or desc"),
        };
        var keys = await RegionExecutor.ReadAsync(target, t => Live(t, target.Collection, offset, limit, descending).Select(p => p["_key"]).ToList()).ConfigureAwait(false);
        await Responses.WriteResultAsync(request.Http, 200, C8Value.From(keys)).ConfigureAwait(false);
    }

    private static async Task TruncateAsync(IncomingRequest request)
    {
        RefuseGroups(request);
        var target = Target(request, AccessLevel.ReadWrite);
        await RegionExecutor.WriteAsync(target, t =>
        {
            t.Truncate(target.Collection);
            return 0;
        }).ConfigureAwait(false);
        await WriteNamedAsync(request, target.Collection.Name).ConfigureAwait(false);
    }

    /// <summary>One pair or an array of them; every item is checked before anything is written, then all are written together.</summary>
    private static async Task PutAsync(IncomingRequest request)
    {
        var target = Target(request, AccessLevel.ReadWrite);
        var collection = target.Collection;
        var body = await request.ReadJsonAsync().ConfigureAwait(false);
        var many = body.IsArray;
        var documents = (many ? body.AsArray : [body]).Select(item => KeyValueRules.ToDocument(collection, item)).ToList();
        var options = WriteOptions.Default with { Overwrite = OverwriteMode.Replace };
        var results = await RegionExecutor.WriteAsync(target, t => documents.Select(d => t.Insert(collection, d, options)).ToList()).ConfigureAwait(false);
        var answers = results.Select(r =>
        {
            var answer = new C8Object.Builder(4).Set("_id", S(r.Id)).Set("_key", S(r.Key)).Set("_rev", S(r.Rev));
            if (r.OldRev is not null)
            {
                answer.Set("_oldrev", S(r.OldRev));
            }
            return O(answer);
        }).ToList();
        await Responses.WriteValueAsync(request.Http, 202, many ? Array(answers) : answers[0]).ConfigureAwait(false);
    }

    private static async Task GetAsync(IncomingRequest request)
    {
        var target = Target(request, AccessLevel.ReadOnly);
        var collection = target.Collection;
        var key = request.Route("key");
        var pair = await RegionExecutor.ReadAsync(target, t =>
        {
            DocumentKeyRules.Validate(key);
            return t.GetStored(collection, key) is { } stored ? FabricTransaction.Decode(stored) : null;
        }).ConfigureAwait(false);
        if (pair is null || KeyValueRules.IsExpired(collection, pair, KeyValueRules.NowSeconds()))
        {
            throw C8Errors.DocumentNotFound();
        }
        request.Http.Response.Headers.ETag = $"\"{pair["_rev"].AsString}\"";
        await Responses.WriteValueAsync(request.Http, 200, C8Value.From(KeyValueRules.Single(collection, pair))).ConfigureAwait(false);
    }

    /// <summary>The pairs of the keys in the body (an array of strings), or of the whole collection when it gives none; paged.</summary>
    private static async Task ValuesAsync(IncomingRequest request)
    {
        RefuseGroups(request);
        var target = Target(request, AccessLevel.ReadOnly);
        var collection = target.Collection;
        var (offset, limit) = Page(request);
        var body = await request.ReadJsonAsync().ConfigureAwait(false);
        if (!body.IsNull && !body.IsArray)
        {
            throw C8Errors.BadRequest("the body must be an array of keys, or empty");
        }
        var keys = body.IsNull ? [] : body.AsArray.Select(KeyValueRules.KeyOf).Distinct(StringComparer.Ordinal).ToList();
        var pairs = await RegionExecutor.ReadAsync(target, t =>
        {
            if (keys.Count == 0)
            {
                return Live(t, collection, offset, limit).Select(p => C8Value.From(KeyValueRules.Listed(collection, p))).ToList();
            }
            var now = KeyValueRules.NowSeconds();
            return keys.Where(DocumentKeyRules.IsValid)
                .Select(k => t.GetStored(collection, k))
                .OfType<Storage.StoredDocument>()
                .Select(FabricTransaction.Decode)
                .Where(p => !KeyValueRules.IsExpired(collection, p, now))
                .Skip((int)offset).Take((int)limit)
                .Select(p => C8Value.From(KeyValueRules.Listed(collection, p))).ToList();
        }).ConfigureAwait(false);
        await Responses.WriteResultAsync(request.Http, 200, C8Value.From(pairs)).ConfigureAwait(false);
    }

    private static async Task RemoveOneAsync(IncomingRequest request)
    {
        var target = Target(request, AccessLevel.ReadWrite);
        var collection = target.Collection;
        var key = request.Route("key");
        var result = await RegionExecutor.WriteAsync(target, t => Remove(t, collection, key, KeyValueRules.NowSeconds())).ConfigureAwait(false);
        await Responses.WriteValueAsync(request.Http, 202, result ?? throw C8Errors.DocumentNotFound()).ConfigureAwait(false);
    }

    /// <summary>Removes each key named; a key that is not there (or has expired) answers GDN's per-item error and stops nothing.</summary>
    private static async Task RemoveManyAsync(IncomingRequest request)
    {
        var target = Target(request, AccessLevel.ReadWrite);
        var collection = target.Collection;
        var body = await request.ReadJsonAsync().ConfigureAwait(false);
        if (!body.IsArray)
        {
            throw C8Errors.BadRequest("the body must be an array of keys");
        }
        if (body.AsArray.Count > MaxDeletes)
        {
            throw C8Errors.BadRequest($"at most {MaxDeletes} keys can be removed in one request");
        }
        var keys = body.AsArray.Select(KeyValueRules.KeyOf).ToList();
        var now = KeyValueRules.NowSeconds();
        var results = await RegionExecutor.WriteAsync(target, t => keys.Select(k => Remove(t, collection, k, now) ?? MissingItem()).ToList()).ConfigureAwait(false);
        await Responses.WriteValueAsync(request.Http, 202, Array(results)).ConfigureAwait(false);
    }

    /// <summary>Removes a live pair and answers {_id, _key, _rev}; null when there is none (an expired pair is gone already).</summary>
    private static C8Value? Remove(FabricTransaction transaction, CollectionInfo collection, string key, long now)
    {
        DocumentKeyRules.Validate(key);
        if (transaction.GetStored(collection, key) is not { } stored || KeyValueRules.IsExpired(collection, FabricTransaction.Decode(stored), now))
        {
            return null;
        }
        var removed = transaction.Remove(collection, key, WriteOptions.Default);
        return O(new C8Object.Builder(3).Set("_id", S(removed.Id)).Set("_key", S(removed.Key)).Set("_rev", S(removed.Rev)));
    }

    private static C8Value MissingItem() => O(new C8Object.Builder(3)
        .Set("error", B(true)).Set("errorNum", N(C8Errors.DocumentNotFoundNum)).Set("errorMessage", S("document not found")));
}
