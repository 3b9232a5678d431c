namespace PSC8.Client.Apis;

/// <summary>Collections: <c>/_fabric/{f}/_api/collection*</c>. A null fabric means the connection's default.</summary>
public sealed class CollectionApi : ApiBase
{
    internal CollectionApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>
    /// Lists collections (<c>GET …/collection?excludeSystem=</c>). With <paramref name="includeCount"/>,
    /// asks each collection for its document count (one request per collection).
    /// </summary>
    public async Task<IReadOnlyList<C8Collection>> ListAsync(string? fabric = null, bool excludeSystem = true, bool includeCount = false, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var request = new C8Request(HttpMethod.Get, C8Paths.Fabric(f, "collection")).Query("excludeSystem", excludeSystem);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var list = new List<C8Collection>();
        foreach (var item in JsonRead.Array(JsonRead.Result(response.Json)))
        {
            var collection = C8Collection.FromJson(item, f);
            if (excludeSystem && collection.IsSystem)
            {
                continue;
            }

            if (includeCount)
            {
                collection.Count = await CountAsync(f, collection.Name, cancellationToken).ConfigureAwait(false);
            }

            list.Add(collection);
        }

        return list;
    }

    /// <summary>
    /// One collection (<c>GET …/collection/{name}</c>, and <c>…/count</c> with <paramref name="includeCount"/>: GDN's
    /// count answer carries only the name and ids, not the collection's kind); 404/1203 when missing.
    /// </summary>
    public async Task<C8Collection> GetAsync(string? fabric, string name, bool includeCount = false, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, Path(f, name, string.Empty)), cancellationToken).ConfigureAwait(false);
        var collection = C8Collection.FromJson(response.Json, f);
        if (includeCount)
        {
            collection.Count = await CountAsync(f, name, cancellationToken).ConfigureAwait(false);
        }

        return collection;
    }

    /// <summary>Whether a collection exists.</summary>
    public async Task<bool> ExistsAsync(string? fabric, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await GetAsync(fabric, name, false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1203 || (ex.StatusCode == 404 && ex.ErrorNum is null))
        {
            return false;
        }
    }

    /// <summary>Creates a collection (<c>POST …/collection</c>) and returns it as the server reports it.</summary>
    public async Task<C8Collection> CreateAsync(string? fabric, string name, C8CollectionCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        var o = options ?? new C8CollectionCreateOptions();
        if (o.IsSpot && o.IsLocal)
        {
            throw new ArgumentException("A collection cannot be both spot and local.", nameof(options));
        }

        var f = Fabric(fabric);
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(f, "collection")).Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteNumber("type", (int)o.Type);
            w.WriteBoolean("isSpot", o.IsSpot);
            w.WriteBoolean("strongConsistency", o.IsSpot);
            w.WriteBoolean("isLocal", o.IsLocal);
            w.WriteBoolean("stream", o.Stream);
            if (o.WaitForSync is bool wait)
            {
                w.WriteBoolean("waitForSync", wait);
            }

            if (o.KeyOptions is not null)
            {
                w.WritePropertyName("keyOptions");
                o.KeyOptions.Write(w);
            }

            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8Collection.FromJson(response.Json, f);
    }

    /// <summary>Number of documents (<c>GET …/collection/{name}/count</c>).</summary>
    public async Task<long> CountAsync(string? fabric, string name, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, Path(Fabric(fabric), name, "/count")), cancellationToken).ConfigureAwait(false);
        return JsonRead.Long(response.Json, "count") ?? JsonRead.Long(JsonRead.Result(response.Json), "count") ?? 0;
    }

    /// <summary>Statistics (<c>GET …/collection/{name}/figures</c>).</summary>
    public async Task<C8CollectionFigures> GetFiguresAsync(string? fabric, string name, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, Path(f, name, "/figures")), cancellationToken).ConfigureAwait(false);
        return C8CollectionFigures.FromJson(response.Json, f);
    }

    /// <summary>Properties (<c>GET …/collection/{name}/properties</c>).</summary>
    public async Task<C8Collection> GetPropertiesAsync(string? fabric, string name, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, Path(f, name, "/properties")), cancellationToken).ConfigureAwait(false);
        return C8Collection.FromJson(JsonRead.Result(response.Json), f);
    }

    /// <summary>
    /// Changes the mutable properties (<c>PUT …/collection/{name}/properties</c>): only <c>waitForSync</c> and
    /// <c>hasStream</c> can change; the spot flag is fixed at creation.
    /// </summary>
    public async Task<C8Collection> SetPropertiesAsync(string? fabric, string name, bool? waitForSync = null, bool? hasStream = null, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var request = new C8Request(HttpMethod.Put, Path(f, name, "/properties")).Json(w =>
        {
            w.WriteStartObject();
            if (waitForSync is bool wait)
            {
                w.WriteBoolean("waitForSync", wait);
            }

            if (hasStream is bool stream)
            {
                w.WriteBoolean("hasStream", stream);
            }

            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8Collection.FromJson(JsonRead.Result(response.Json), f);
    }

    /// <summary>Removes all documents (<c>PUT …/collection/{name}/truncate</c>).</summary>
    public async Task<C8Collection> TruncateAsync(string? fabric, string name, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Put, Path(f, name, "/truncate")), cancellationToken).ConfigureAwait(false);
        return C8Collection.FromJson(response.Json, f);
    }

    /// <summary>Deletes a collection (<c>DELETE …/collection/{name}</c>; <c>isSystem=true</c> for system collections) and returns its id.</summary>
    public async Task<string?> DeleteAsync(string? fabric, string name, bool isSystem = false, CancellationToken cancellationToken = default)
    {
        var request = new C8Request(HttpMethod.Delete, Path(Fabric(fabric), name, string.Empty));
        if (isSystem)
        {
            request.Query("isSystem", true);
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return JsonRead.String(response.Json, "id");
    }

    private static string Path(string fabric, string name, string suffix)
    {
        RequireName(name);
        return C8Paths.Fabric(fabric, "collection/" + C8Paths.Seg(name) + suffix);
    }

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A collection name is required.", nameof(name));
        }
    }
}
