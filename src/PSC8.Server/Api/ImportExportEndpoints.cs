using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Bulk import (GDN's {"data":[…]} body, and ArangoDB's ?collection= form with a JSON array or JSON lines,
/// which jsC8 sends) and export of a collection or of a read-only query.
/// </summary>
internal static class ImportExportEndpoints
{
    public static void Map(Router router)
    {
        router.Map("POST", "import/{collection}", r => ImportAsync(r, r.Route("collection")));
        router.Map("POST", "import", r => ImportAsync(r, r.Query("collection") ?? throw C8Errors.BadRequest("give the collection in the path or as ?collection=")));
        router.Map("GET", "export/{collection}", ExportCollectionAsync);
        router.Map("POST", "export", ExportQueryAsync);
    }

    private static async Task ImportAsync(IncomingRequest request, string collectionName)
    {
        var target = CollectionTarget.Resolve(request, collectionName, AccessLevel.ReadWrite);
        var (documents, details, primaryKey, replace) = ReadImport(await request.ReadBodyAsync().ConfigureAwait(false), request);
        var options = WriteOptions.Default with { Overwrite = replace ? OverwriteMode.Replace : OverwriteMode.Conflict };

        var errors = await RegionExecutor.WriteAsync(target, t =>
        {
            var failed = new List<(int Line, C8Value Document, C8Exception Error)>();
            for (var i = 0; i < documents.Count; i++)
            {
                try
                {
                    if (!documents[i].TryGetObject(out var document))
                    {
                        throw C8Errors.InvalidDocument("invalid document type: each imported item must be a JSON object");
                    }
                    t.Insert(target.Collection, WithPrimaryKey(document, primaryKey), options);
                }
                catch (C8Exception error)
                {
                    failed.Add((i + 1, documents[i], error));
                }
            }
            return failed;
        }).ConfigureAwait(false);

        // The members GDN's answer has (pyC8's test_document_import_bulk and test_cursor_* cassettes).
        var result = new C8Object.Builder()
            .Set("created", N(documents.Count - errors.Count))
            .Set("errors", N(errors.Count))
            .Set("unprocessed", N(0));
        if (details)
        {
            var items = errors.Select(e => O(new C8Object.Builder()
                .Set("document", e.Document)
                .Set("errorNumber", N(e.Error.ErrorNum))
                .Set("errorMessage", S($"{e.Line}: {e.Error.Message}"))));
            result.Set("details", O(new C8Object.Builder().Set("errors", Array(items)).Set("unprocessed", C8Value.EmptyArray)));
        }
        await Responses.WriteResultAsync(request.Http, 200, O(result)).ConfigureAwait(false);
    }

    /// <summary>The documents to import and the flags, from either body form.</summary>
    private static (IReadOnlyList<C8Value> Documents, bool Details, string? PrimaryKey, bool Replace) ReadImport(byte[] body, IncomingRequest request)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0)
        {
            throw C8Errors.BadRequest("nothing to import: the body is empty");
        }
        var queryReplace = request.Query("onDuplicate") is "replace" or "update";
        if (text[0] == '{' && !text.Contains('\n', StringComparison.Ordinal))
        {
            var wrapper = C8Json.Parse(text);
            if (wrapper["data"].IsArray)
            {
                var obj = wrapper.AsObject;
                return (wrapper["data"].AsArray, Bool(obj, "details", request.QueryBool("details", false)),
                    String(obj, "primaryKey"), Bool(obj, "replace", queryReplace));
            }
            return ([wrapper], request.QueryBool("details", false), null, queryReplace);
        }
        if (text[0] == '[')
        {
            var parsed = C8Json.Parse(text);
            return (parsed.AsArray, request.QueryBool("details", false), null, queryReplace);
        }
        // JSON lines, one document per line (jsC8's collection.import).
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (lines.Select(C8Json.Parse).ToArray(), request.QueryBool("details", false), null, queryReplace);
    }

    private static C8Object WithPrimaryKey(C8Object document, string? primaryKey)
    {
        if (primaryKey is null || document.ContainsKey("_key"))
        {
            return document;
        }
        var value = document[primaryKey];
        var key = value.Type switch
        {
            C8Type.String => value.AsString,
            C8Type.Number => value.AsNumber.ToString(CultureInfo.InvariantCulture),
            _ => throw C8Errors.IllegalKey($"illegal document key: primary key attribute '{primaryKey}' is missing or not a string or number"),
        };
        return document.With("_key", C8Value.From(key));
    }

    private static async Task ExportCollectionAsync(IncomingRequest request)
    {
        var target = CollectionTarget.Resolve(request, request.Route("collection"), AccessLevel.ReadOnly);
        var offset = request.QueryLong("offset") ?? 0;
        var limit = request.QueryLong("limit") ?? long.MaxValue;
        var order = request.Query("order")?.ToLowerInvariant() ?? "asc";
        if (offset < 0 || limit < 0 || order is not ("asc" or "desc"))
        {
            throw C8Errors.BadRequest("offset and limit must not be negative and order must be asc or desc");
        }
        var documents = await RegionExecutor.ReadAsync(target, t =>
        {
            var all = t.Scan(target.Collection).Select(d => C8Value.From(d.Without("_id").Without("_rev")));
            return (order == "desc" ? all.Reverse() : all).Skip((int)Math.Min(offset, int.MaxValue)).Take((int)Math.Min(limit, int.MaxValue)).ToArray();
        }).ConfigureAwait(false);
        await Responses.WriteResultAsync(request.Http, 200, C8Value.From(documents)).ConfigureAwait(false);
    }

    private static async Task ExportQueryAsync(IncomingRequest request)
    {
        RequestTarget.Resolve(request, AccessLevel.ReadOnly);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var query = CursorEndpoints.ReadQuery(body);
        var rows = await QueryService.ReadAllAsync(request, query, () =>
            C8Errors.BadRequest("Export \"query\" cannot modify data: use the cursor API for INSERT, UPDATE, REPLACE, REMOVE or UPSERT.")).ConfigureAwait(false);
        await Responses.WriteResultAsync(request.Http, 200, C8Value.From(rows)).ConfigureAwait(false);
    }
}
