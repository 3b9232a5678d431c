namespace PSC8.Server.Api;

/// <summary>
/// Single and batch document CRUD. A batch runs in one transaction where each item succeeds or fails on
/// its own (failures are reported per item, with X-C8-Error-Codes); a single failing operation writes nothing.
/// </summary>
internal static class DocumentEndpoints
{
    private enum Operation { Insert, Replace, Update, Remove }

    public static void Map(Router router)
    {
        router.Map("GET", "document/{collection}/{key}", ReadAsync);
        router.Map("HEAD", "document/{collection}/{key}", ReadAsync);
        router.Map("POST", "document/{collection}", r => WriteAsync(r, Operation.Insert, single: null));
        // ArangoDB's older form, which jsC8 uses to save edges: POST /document?collection=NAME.
        router.Map("POST", "document", r => WriteAsync(r, Operation.Insert, single: null));
        router.Map("PUT", "document/{collection}", r => WriteAsync(r, Operation.Replace, single: null));
        router.Map("PATCH", "document/{collection}", r => WriteAsync(r, Operation.Update, single: null));
        router.Map("DELETE", "document/{collection}", r => WriteAsync(r, Operation.Remove, single: null));
        router.Map("PUT", "document/{collection}/{key}", r => WriteAsync(r, Operation.Replace, r.Route("key")));
        router.Map("PATCH", "document/{collection}/{key}", r => WriteAsync(r, Operation.Update, r.Route("key")));
        router.Map("DELETE", "document/{collection}/{key}", r => WriteAsync(r, Operation.Remove, r.Route("key")));
    }

    /// <summary>The collection for a document request; ?strongConsistency=true is only meaningful on spot collections.</summary>
    private static CollectionTarget Target(IncomingRequest request, AccessLevel needed)
    {
        var name = request.Path.Segments.Length > 1 ? request.Route("collection")
            : request.Query("collection") ?? throw C8Errors.BadRequest("give the collection in the path (document/NAME) or as ?collection=NAME");
        var target = CollectionTarget.Resolve(request, name, needed);
        if (request.QueryBool("strongConsistency", false) && !target.Spot)
        {
            throw C8Errors.BadRequest($"strongConsistency=true is only valid on spot collections; '{target.Collection.Name}' is not one");
        }
        return target;
    }

    private static async Task ReadAsync(IncomingRequest request)
    {
        var target = Target(request, AccessLevel.ReadOnly);
        var key = request.Route("key");
        var stored = await RegionExecutor.ReadAsync(target, t =>
        {
            DocumentKeyRules.Validate(key);
            return t.GetStored(target.Collection, key);
        }).ConfigureAwait(false);
        var http = request.Http;
        if (stored is null)
        {
            throw C8Errors.DocumentNotFound();
        }
        var rev = FabricTransaction.Revision(stored);
        http.Response.Headers.ETag = $"\"{rev}\"";
        if (request.Header("If-None-Match") is { } none && Unquote(none) == rev)
        {
            http.Response.StatusCode = 304;
            return;
        }
        if (request.Header("If-Match") is { } match && Unquote(match) != rev)
        {
            throw C8Errors.Precondition("precondition failed", Identity(FabricTransaction.Decode(stored)));
        }
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = stored.Body.Length;
        if (!HttpMethodsIsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(stored.Body, request.Aborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(IncomingRequest request, Operation operation, string? single)
    {
        var target = Target(request, AccessLevel.ReadWrite);
        var collection = target.Collection;
        var body = await request.ReadJsonAsync().ConfigureAwait(false);
        var options = Options(request, collection);
        var returnNew = request.QueryBool("returnNew", false);
        var returnOld = request.QueryBool("returnOld", false);
        var silent = request.QueryBool("silent", false);
        var sync = options.WaitForSync;
        var status = operation == Operation.Remove ? (sync ? 200 : 202) : (sync ? 201 : 202);

        if (single is not null || body.IsObject)
        {
            if (operation == Operation.Remove && single is null)
            {
                throw C8Errors.BadRequest("a batch remove takes an array of keys or documents");
            }
            var document = operation == Operation.Remove ? C8Object.Empty : AsDocument(body);
            var key = single ?? "";
            var result = await RegionExecutor.WriteAsync(target, t => Apply(t, collection, operation, key, document, options)).ConfigureAwait(false);
            request.Http.Response.Headers.ETag = $"\"{result.Rev}\"";
            if (operation == Operation.Insert)
            {
                request.Http.Response.Headers.Location = $"/_fabric/{Uri.EscapeDataString(target.Fabric.Name)}/_api/document/{Uri.EscapeDataString(collection.Name)}/{Uri.EscapeDataString(result.Key)}";
            }
            await Responses.WriteAsync(request.Http, status, w =>
            {
                if (silent)
                {
                    w.WriteStartObject();
                    w.WriteEndObject();
                }
                else
                {
                    WriteResult(w, result, operation, returnNew, returnOld);
                }
            }).ConfigureAwait(false);
            return;
        }

        if (!body.IsArray)
        {
            throw C8Errors.InvalidDocument("invalid document type: the body must be a JSON object or an array of them");
        }
        var items = body.AsArray;
        var outcomes = await RegionExecutor.WriteAsync(target, t =>
        {
            var results = new object[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                try
                {
                    var (key, document) = BatchItem(items[i], operation);
                    var itemOptions = operation == Operation.Remove && document["_rev"].TryGetString(out var rev) && !options.IgnoreRevs
                        ? options with { ExpectedRev = rev }
                        : options;
                    results[i] = Apply(t, collection, operation, key, document, itemOptions);
                }
                catch (C8Exception error)
                {
                    results[i] = error;
                }
            }
            return results;
        }).ConfigureAwait(false);

        var failures = outcomes.OfType<C8Exception>().GroupBy(e => e.ErrorNum).ToDictionary(g => g.Key, g => g.Count());
        if (failures.Count > 0)
        {
            request.Http.Response.Headers["X-C8-Error-Codes"] = JsonSerializer.Serialize(failures.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value));
        }
        await Responses.WriteAsync(request.Http, status, w =>
        {
            if (silent)
            {
                w.WriteStartObject();
                w.WriteEndObject();
                return;
            }
            w.WriteStartArray();
            foreach (var outcome in outcomes)
            {
                if (outcome is WriteResult result)
                {
                    WriteResult(w, result, operation, returnNew, returnOld);
                }
                else
                {
                    var error = (C8Exception)outcome;
                    // A stale _rev in a batch is only {error, errorNum 1200, errorMessage "conflict"} in GDN's answer,
                    // without the stored document's identity (pyC8's test_document_*_many cassettes).
                    var stale = error.HttpStatus == 412;
                    w.WriteStartObject();
                    w.WriteBoolean("error", true);
                    w.WriteNumber("errorNum", error.ErrorNum);
                    w.WriteString("errorMessage", stale ? "conflict" : error.Message);
                    if (error.Extra is not null && !stale)
                    {
                        Responses.WriteMembers(w, error.Extra);
                    }
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static WriteResult Apply(FabricTransaction t, CollectionInfo collection, Operation operation, string key, C8Object document, WriteOptions options) =>
        operation switch
        {
            Operation.Insert => t.Insert(collection, document, options),
            Operation.Replace => t.Replace(collection, key, document, options),
            Operation.Update => t.Update(collection, key, document, options),
            _ => t.Remove(collection, key, options),
        };

    /// <summary>A batch item names its document by _key, by _id, or (for removes) as a bare key string.</summary>
    private static (string Key, C8Object Document) BatchItem(C8Value item, Operation operation)
    {
        if (operation == Operation.Insert)
        {
            return ("", AsDocument(item));
        }
        if (operation == Operation.Remove && item.TryGetString(out var bare))
        {
            return (KeyOf(bare), C8Object.Empty);
        }
        var document = AsDocument(item);
        if (document["_key"].TryGetString(out var key))
        {
            return (key, document);
        }
        if (document["_id"].TryGetString(out var id))
        {
            return (KeyOf(id), document);
        }
        throw C8Errors.IllegalKey("illegal document key: each item needs a _key or an _id");
    }

    private static string KeyOf(string keyOrId)
    {
        var slash = keyOrId.IndexOf('/');
        return slash >= 0 ? keyOrId[(slash + 1)..] : keyOrId;
    }

    private static C8Object AsDocument(C8Value value) =>
        value.IsObject ? value.AsObject : throw C8Errors.InvalidDocument("invalid document type: a document must be a JSON object");

    private static WriteOptions Options(IncomingRequest request, CollectionInfo collection)
    {
        var overwriteMode = request.Query("overwriteMode");
        var mode = overwriteMode?.ToLowerInvariant() switch
        {
            null or "" => request.QueryBool("overwrite", false) ? OverwriteMode.Replace : OverwriteMode.Conflict,
            "conflict" => OverwriteMode.Conflict,
            "ignore" => OverwriteMode.Ignore,
            "replace" => OverwriteMode.Replace,
            "update" => OverwriteMode.Update,
            _ => throw C8Errors.BadRequest($"overwriteMode must be ignore, replace, update or conflict, not '{overwriteMode}'"),
        };
        var ifMatch = request.Header("If-Match");
        return new WriteOptions
        {
            KeepNull = request.QueryBool("keepNull", true),
            MergeObjects = request.QueryBool("mergeObjects", true),
            IgnoreRevs = request.QueryBool("ignoreRevs", true),
            Overwrite = mode,
            WaitForSync = request.QueryBool("waitForSync", collection.WaitForSync),
            ExpectedRev = ifMatch is null ? null : Unquote(ifMatch),
        };
    }

    private static void WriteResult(Utf8JsonWriter w, WriteResult result, Operation operation, bool returnNew, bool returnOld)
    {
        w.WriteStartObject();
        w.WriteString("_id", result.Id);
        w.WriteString("_key", result.Key);
        w.WriteString("_rev", result.Rev);
        if (operation != Operation.Remove && result.OldRev is not null)
        {
            w.WriteString("_oldRev", result.OldRev);
        }
        if (returnOld && result.Old is not null)
        {
            w.WritePropertyName("old");
            C8Json.Write(w, C8Value.From(result.Old));
        }
        if (returnNew && result.New is not null && operation != Operation.Remove)
        {
            w.WritePropertyName("new");
            C8Json.Write(w, C8Value.From(result.New));
        }
        w.WriteEndObject();
    }

    private static C8Object Identity(C8Object document) => new C8Object.Builder(3)
        .Set("_id", document["_id"]).Set("_key", document["_key"]).Set("_rev", document["_rev"]).Build();


    private static string Unquote(string value) => value.Trim().Trim('"');

    private static bool HttpMethodsIsHead(string method) => Microsoft.AspNetCore.Http.HttpMethods.IsHead(method);
}
