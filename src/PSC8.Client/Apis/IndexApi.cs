namespace PSC8.Client.Apis;

/// <summary>Indexes: <c>/_fabric/{f}/_api/index*</c>. A null fabric means the connection's default.</summary>
public sealed class IndexApi : ApiBase
{
    internal IndexApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>The collection's indexes, the primary index first (<c>GET …/index?collection=</c>).</summary>
    public async Task<IReadOnlyList<C8Index>> ListAsync(string? fabric, string collection, CancellationToken cancellationToken = default)
    {
        RequireNonBlank(collection, nameof(collection));
        var f = Fabric(fabric);
        var request = new C8Request(HttpMethod.Get, C8Paths.Fabric(f, "index")).Query("collection", collection);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return JsonRead.Array(response.Json, "indexes").Select(e => C8Index.FromJson(e, f, collection)).ToList();
    }

    /// <summary>One index by name or id (<c>GET …/index/{collection}/{name}</c>); 404/1212 when there is none.</summary>
    public async Task<C8Index> GetAsync(string? fabric, string collection, string name, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, Path(f, collection, name)), cancellationToken).ConfigureAwait(false);
        return C8Index.FromJson(response.Json, f, collection);
    }

    /// <summary>
    /// Creates an index (<c>POST …/index?collection=</c>); when an equal one exists the server returns it with
    /// <see cref="C8Index.IsNewlyCreated"/> false, so creating is idempotent.
    /// </summary>
    public async Task<C8Index> CreateAsync(string? fabric, string collection, C8IndexDefinition definition, CancellationToken cancellationToken = default)
    {
        RequireNonBlank(collection, nameof(collection));
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        var f = Fabric(fabric);
        // The published API takes a TTL index's expireAfter only on index/ttl, and every other kind, with its name,
        // unique and sparse, on index/general; the bare POST index is not published.
        var ttl = string.Equals(definition.Type, "ttl", StringComparison.OrdinalIgnoreCase);
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(f, ttl ? "index/ttl" : "index/general")).Query("collection", collection).Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", definition.Type);
            w.WriteStartArray("fields");
            foreach (var field in definition.Fields)
            {
                w.WriteStringValue(field);
            }
            w.WriteEndArray();
            if (ttl)
            {
                if (definition.ExpireAfter is { } expireAfter)
                {
                    w.WriteNumber("expireAfter", expireAfter);
                }
            }
            else
            {
                w.WriteBoolean("unique", definition.Unique);
                w.WriteBoolean("sparse", definition.Sparse);
            }
            if (definition.Name is { } name)
            {
                w.WriteString("name", name);
            }
            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8Index.FromJson(response.Json, f, collection);
    }

    /// <summary>Drops an index by name or id (<c>DELETE …/index/{collection}/{name}</c>); 404/1212 when there is none.</summary>
    public Task DeleteAsync(string? fabric, string collection, string name, CancellationToken cancellationToken = default) =>
        SendAsync(new C8Request(HttpMethod.Delete, Path(Fabric(fabric), collection, name)), cancellationToken);

    private static string Path(string fabric, string collection, string name)
    {
        RequireNonBlank(collection, nameof(collection));
        RequireNonBlank(name, nameof(name));
        var handle = name.StartsWith(collection + "/", StringComparison.Ordinal) ? name.Substring(collection.Length + 1) : name;
        return C8Paths.Fabric(fabric, "index/" + C8Paths.Seg(collection) + "/" + C8Paths.Seg(handle));
    }
}
