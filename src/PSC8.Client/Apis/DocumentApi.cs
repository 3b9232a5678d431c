namespace PSC8.Client.Apis;

/// <summary>
/// Documents: <c>/_fabric/{f}/_api/document/{collection}[/{key}]</c>. Bulk calls stream their input to the
/// request body and return one result per input, in order, keeping per-item errors. Single-document calls throw
/// <see cref="C8ApiException"/> on failure. Inserts are never retried (a repeat could insert twice).
/// </summary>
public sealed class DocumentApi : ApiBase
{
    internal DocumentApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>Reads a document; null when <see cref="C8ReadOptions.IfNoneMatch"/> matched (304 Not Modified).</summary>
    public async Task<JsonElement?> GetAsync(string? fabric, string collection, string key, C8ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new C8Request(HttpMethod.Get, KeyPath(fabric, collection, key))
        {
            IfMatch = options?.IfMatch,
            IfNoneMatch = options?.IfNoneMatch,
        }.Query("strongConsistency", options?.StrongConsistency);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status == 304)
        {
            return null;
        }

        return response.Json;
    }

    /// <summary>Whether a document exists (<c>HEAD</c>).</summary>
    public async Task<bool> ExistsAsync(string? fabric, string collection, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(new C8Request(HttpMethod.Head, KeyPath(fabric, collection, key)), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (C8ApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Inserts one document.</summary>
    public Task<C8DocumentResult> InsertAsync(string? fabric, string collection, JsonElement document, C8InsertOptions? options = null, CancellationToken cancellationToken = default) =>
        InsertAsync(fabric, collection, document, C8JsonWriters.Element, options, cancellationToken);

    /// <summary>
    /// Inserts one document written by <paramref name="writer"/>; <see cref="C8InsertOptions.OverwriteMode"/> is sent as
    /// <see cref="InsertManyAsync{T}"/> sends it (an existing key under Ignore gives a <see cref="C8DocumentResult.Skipped"/>
    /// result, under Update without the server's overwriteMode a merge into the stored document).
    /// </summary>
    public async Task<C8DocumentResult> InsertAsync<T>(string? fabric, string collection, T document, JsonItemWriter<T> writer, C8InsertOptions? options = null, CancellationToken cancellationToken = default)
    {
        var mode = options?.OverwriteMode;
        var oneRequest = mode == C8OverwriteMode.Update && await Connection.SupportsOverwriteModeAsync(cancellationToken).ConfigureAwait(false);
        var request = InsertRequest(fabric, collection, options, oneRequest);
        request.Body = () => JsonBodyContent.Of(w => writer(w, document));
        try
        {
            var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return C8DocumentResult.FromBody(response.Body);
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1210 && mode == C8OverwriteMode.Ignore)
        {
            return C8DocumentResult.SkippedExisting();
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1210 && mode == C8OverwriteMode.Update && !oneRequest)
        {
            var key = JsonRead.String(JsonRead.Render(w => writer(w, document)), "_key") ?? throw ex;
            return await UpdateAsync(fabric, collection, key, document, writer, UpdateOptions(options!), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts many documents in one request.</summary>
    public Task<C8BatchResult> InsertManyAsync(string? fabric, string collection, IReadOnlyList<JsonElement> documents, C8InsertOptions? options = null, CancellationToken cancellationToken = default) =>
        InsertManyAsync(fabric, collection, documents, C8JsonWriters.Element, options, cancellationToken);

    /// <summary>
    /// Inserts many documents in one request, each written by <paramref name="writer"/>: into a pooled buffer sent with
    /// its length when the body fits in 1 MB, else straight to the request stream.
    /// </summary>
    /// <remarks>
    /// <see cref="C8InsertOptions.OverwriteMode"/> is sent only where the published API has it or the server says it
    /// understands it: Replace goes as <c>overwrite=true</c>; Ignore is a plain insert whose key conflicts (1210) come
    /// back as <see cref="C8DocumentResult.Skipped"/>; Update is <c>overwriteMode=update</c> where the server
    /// advertises it, else a plain insert followed by one bulk update of just the conflicting documents.
    /// </remarks>
    public async Task<C8BatchResult> InsertManyAsync<T>(string? fabric, string collection, IReadOnlyList<T> documents, JsonItemWriter<T> writer, C8InsertOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(documents, writer);
        var mode = options?.OverwriteMode;
        var oneRequest = mode == C8OverwriteMode.Update && await Connection.SupportsOverwriteModeAsync(cancellationToken).ConfigureAwait(false);
        var request = InsertRequest(fabric, collection, options, oneRequest);
        request.Body = () => JsonBodyContent.Array(documents, writer);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var results = C8BatchResult.FromBody(response.Body, response.ErrorCodes);
        if (oneRequest || (mode != C8OverwriteMode.Ignore && mode != C8OverwriteMode.Update))
        {
            return results;
        }

        var conflicts = results.KeyConflicts();
        if (mode == C8OverwriteMode.Ignore)
        {
            foreach (var index in conflicts)
            {
                results.Replace(index, C8DocumentResult.SkippedExisting());
            }

            Log("inserted " + (documents.Count - results.ErrorCount - conflicts.Count) + ", skipped " + conflicts.Count + " existing (overwriteMode ignore as a plain insert)");
            return results;
        }

        if (conflicts.Count > 0)
        {
            var existing = conflicts.Select(i => documents[i]).ToArray();
            var updated = await UpdateManyAsync(fabric, collection, existing, writer, UpdateOptions(options!), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < conflicts.Count && i < updated.Count; i++)
            {
                results.Replace(conflicts[i], updated[i]);
            }
        }

        Log("server does not support overwriteMode: inserted " + (documents.Count - results.ErrorCount - conflicts.Count) + ", updated " + conflicts.Count + " existing");
        return results;
    }

    /// <summary>Replaces one document.</summary>
    public Task<C8DocumentResult> ReplaceAsync(string? fabric, string collection, string key, JsonElement document, C8ReplaceOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteOneAsync(HttpMethod.Put, fabric, collection, key, document, C8JsonWriters.Element, options, cancellationToken);

    /// <summary>Replaces one document written by <paramref name="writer"/>.</summary>
    public Task<C8DocumentResult> ReplaceAsync<T>(string? fabric, string collection, string key, T document, JsonItemWriter<T> writer, C8ReplaceOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteOneAsync(HttpMethod.Put, fabric, collection, key, document, writer, options, cancellationToken);

    /// <summary>Merges attributes into one document.</summary>
    public Task<C8DocumentResult> UpdateAsync(string? fabric, string collection, string key, JsonElement patch, C8UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteOneAsync(C8Request.Patch, fabric, collection, key, patch, C8JsonWriters.Element, options, cancellationToken);

    /// <summary>Merges attributes written by <paramref name="writer"/> into one document.</summary>
    public Task<C8DocumentResult> UpdateAsync<T>(string? fabric, string collection, string key, T patch, JsonItemWriter<T> writer, C8UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteOneAsync(C8Request.Patch, fabric, collection, key, patch, writer, options, cancellationToken);

    /// <summary>Replaces many documents; each must carry <c>_key</c>.</summary>
    public Task<C8BatchResult> ReplaceManyAsync(string? fabric, string collection, IReadOnlyList<JsonElement> documents, C8ReplaceOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteManyAsync(HttpMethod.Put, fabric, collection, documents, C8JsonWriters.Element, options, cancellationToken);

    /// <summary>Replaces many documents written by <paramref name="writer"/>; each must carry <c>_key</c>.</summary>
    public Task<C8BatchResult> ReplaceManyAsync<T>(string? fabric, string collection, IReadOnlyList<T> documents, JsonItemWriter<T> writer, C8ReplaceOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteManyAsync(HttpMethod.Put, fabric, collection, documents, writer, options, cancellationToken);

    /// <summary>Merges into many documents; each must carry <c>_key</c>.</summary>
    public Task<C8BatchResult> UpdateManyAsync(string? fabric, string collection, IReadOnlyList<JsonElement> patches, C8UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteManyAsync(C8Request.Patch, fabric, collection, patches, C8JsonWriters.Element, options, cancellationToken);

    /// <summary>Merges into many documents written by <paramref name="writer"/>; each must carry <c>_key</c>.</summary>
    public Task<C8BatchResult> UpdateManyAsync<T>(string? fabric, string collection, IReadOnlyList<T> patches, JsonItemWriter<T> writer, C8UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteManyAsync(C8Request.Patch, fabric, collection, patches, writer, options, cancellationToken);

    /// <summary>Deletes one document.</summary>
    public async Task<C8DocumentResult> DeleteAsync(string? fabric, string collection, string key, C8DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new C8Request(HttpMethod.Delete, KeyPath(fabric, collection, key)) { IfMatch = options?.IfMatch };
        AddChangeFlags(request, options);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8DocumentResult.FromBody(response.Body);
    }

    /// <summary>Deletes many documents by key.</summary>
    public Task<C8BatchResult> DeleteManyAsync(string? fabric, string collection, IReadOnlyList<string> keys, C8DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteManyAsync(fabric, collection, keys, (w, k) => w.WriteStringValue(k), options, cancellationToken);

    /// <summary>Deletes many documents given as keys, <c>_id</c>s or <c>{_key[,_rev]}</c> objects written by <paramref name="writer"/>.</summary>
    public async Task<C8BatchResult> DeleteManyAsync<T>(string? fabric, string collection, IReadOnlyList<T> items, JsonItemWriter<T> writer, C8DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(items, writer);
        var request = new C8Request(HttpMethod.Delete, CollectionPath(fabric, collection));
        AddChangeFlags(request, options);
        request.Body = () => JsonBodyContent.Array(items, writer);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8BatchResult.FromBody(response.Body, response.ErrorCodes);
    }

    /// <summary>Bulk import (<c>POST …/import/{collection}</c> with <c>{"data":[…]}</c>).</summary>
    public async Task<C8ImportResult> ImportAsync<T>(string? fabric, string collection, IReadOnlyList<T> documents, JsonItemWriter<T> writer, C8ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(documents, writer);
        RequireName(collection, nameof(collection));
        var o = options ?? new C8ImportOptions();
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(Fabric(fabric), "import/" + C8Paths.Seg(collection))).JsonStream(async w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var item in documents)
            {
                writer(w, item);
                if (w.BytesPending >= JsonBodyContent.FlushThreshold)
                {
                    await w.FlushAsync().ConfigureAwait(false);
                }
            }

            w.WriteEndArray();
            w.WriteBoolean("details", o.Details);
            if (o.PrimaryKey is not null)
            {
                w.WriteString("primaryKey", o.PrimaryKey);
            }

            if (o.Replace is bool replace)
            {
                w.WriteBoolean("replace", replace);
            }

            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8ImportResult.FromJson(response.Json);
    }

    /// <summary>Bulk import of JSON values.</summary>
    public Task<C8ImportResult> ImportAsync(string? fabric, string collection, IReadOnlyList<JsonElement> documents, C8ImportOptions? options = null, CancellationToken cancellationToken = default) =>
        ImportAsync(fabric, collection, documents, C8JsonWriters.Element, options, cancellationToken);

    private async Task<C8DocumentResult> WriteOneAsync<T>(HttpMethod method, string? fabric, string collection, string key, T document, JsonItemWriter<T> writer, C8ReplaceOptions? options, CancellationToken cancellationToken)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var request = new C8Request(method, KeyPath(fabric, collection, key)) { IfMatch = options?.IfMatch };
        AddChangeFlags(request, options);
        request.Body = () => JsonBodyContent.Of(w => writer(w, document));
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8DocumentResult.FromBody(response.Body);
    }

    private async Task<C8BatchResult> WriteManyAsync<T>(HttpMethod method, string? fabric, string collection, IReadOnlyList<T> documents, JsonItemWriter<T> writer, C8ReplaceOptions? options, CancellationToken cancellationToken)
    {
        Check(documents, writer);
        var request = new C8Request(method, CollectionPath(fabric, collection));
        AddChangeFlags(request, options);
        request.Body = () => JsonBodyContent.Array(documents, writer);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8BatchResult.FromBody(response.Body, response.ErrorCodes);
    }

    // Only what the published API defines, plus overwriteMode=update (with its keepNull and mergeObjects) when the server
    // advertises it. Ignore and Update are emulated from the results, which silent would leave out.
    private C8Request InsertRequest(string? fabric, string collection, C8InsertOptions? o, bool overwriteModeUpdate)
    {
        var request = new C8Request(HttpMethod.Post, CollectionPath(fabric, collection));
        if (o is not null)
        {
            var emulated = o.OverwriteMode is C8OverwriteMode.Ignore or C8OverwriteMode.Update && !overwriteModeUpdate;
            request.Query("returnNew", o.ReturnNew)
                .Query("returnOld", o.ReturnOld)
                .Query("silent", emulated ? null : o.Silent)
                .Query("overwrite", o.OverwriteMode == C8OverwriteMode.Replace ? true : o.Overwrite)
                .Query("overwriteMode", overwriteModeUpdate ? "update" : null)
                .Query("keepNull", overwriteModeUpdate ? o.KeepNull : null)
                .Query("mergeObjects", overwriteModeUpdate ? o.MergeObjects : null)
                .Query("waitForSync", o.WaitForSync);
        }

        return request;
    }

    private void Log(string line) => Connection.Transport.Note(line);

    // What overwriteMode=update would have applied to the stored document, as a separate update.
    private static C8UpdateOptions UpdateOptions(C8InsertOptions o) =>
        new() { KeepNull = o.KeepNull, MergeObjects = o.MergeObjects, ReturnNew = o.ReturnNew, ReturnOld = o.ReturnOld, WaitForSync = o.WaitForSync };

    private static void AddChangeFlags(C8Request request, C8ChangeOptions? o)
    {
        if (o is null)
        {
            return;
        }

        request.Query("returnNew", (o as C8ReplaceOptions)?.ReturnNew)
            .Query("returnOld", o.ReturnOld)
            .Query("silent", o.Silent)
            .Query("waitForSync", o.WaitForSync)
            .Query("ignoreRevs", o.IgnoreRevs);
        request.ChecksRevisions = o.IgnoreRevs == false;
        if (o is C8UpdateOptions u)
        {
            request.Query("keepNull", u.KeepNull).Query("mergeObjects", u.MergeObjects);
        }
    }

    private string CollectionPath(string? fabric, string collection)
    {
        RequireName(collection, nameof(collection));
        return C8Paths.Fabric(Fabric(fabric), "document/" + C8Paths.Seg(collection));
    }

    private string KeyPath(string? fabric, string collection, string key)
    {
        RequireName(key, nameof(key));
        return CollectionPath(fabric, collection) + "/" + C8Paths.Seg(key);
    }

    private static void Check<T>(IReadOnlyList<T> items, JsonItemWriter<T> writer)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }
    }

    private static void RequireName(string value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A value is required.", parameter);
        }
    }
}
