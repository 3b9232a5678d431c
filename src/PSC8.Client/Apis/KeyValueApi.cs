namespace PSC8.Client.Apis;

/// <summary>Key-value collections: <c>/_fabric/{f}/_api/kv*</c>. A null fabric means the connection's default.</summary>
public sealed class KeyValueApi : ApiBase
{
    /// <summary>The most pairs or keys the service returns in one page.</summary>
    public const int MaxPage = 100;

    /// <summary>The most keys the service removes in one request.</summary>
    public const int MaxRemove = 1000;

    internal KeyValueApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>The key-value collections of the fabric (<c>GET …/kv</c>).</summary>
    public async Task<IReadOnlyList<C8KeyValueCollection>> ListCollectionsAsync(string? fabric = null, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, C8Paths.Fabric(f, "kv")), cancellationToken).ConfigureAwait(false);
        return JsonRead.Array(JsonRead.Result(response.Json)).Select(e => C8KeyValueCollection.FromJson(e, f)).ToList();
    }

    /// <summary>Creates a key-value collection (<c>POST …/kv/{name}?expiration=</c>); 409/1207 when the name is taken.</summary>
    public async Task CreateCollectionAsync(string? fabric, string name, bool expiration = false, CancellationToken cancellationToken = default)
    {
        RequireName(name, nameof(name));
        var request = new C8Request(HttpMethod.Post, Path(fabric, name, string.Empty)).Query("expiration", expiration);
        request.Json(w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a key-value collection with its pairs (<c>DELETE …/kv/{name}</c>); 404/101000 when there is none.</summary>
    public Task DeleteCollectionAsync(string? fabric, string name, CancellationToken cancellationToken = default) =>
        SendAsync(new C8Request(HttpMethod.Delete, Path(fabric, name, string.Empty)), cancellationToken);

    /// <summary>The pair of one key (<c>GET …/value/{key}</c>), or null when there is none (or it has expired).</summary>
    public async Task<C8KeyValuePair?> GetAsync(string? fabric, string collection, string key, CancellationToken cancellationToken = default)
    {
        RequireName(key, nameof(key));
        try
        {
            var response = await SendAsync(new C8Request(HttpMethod.Get, Path(fabric, collection, "/value/" + C8Paths.Seg(key))), cancellationToken).ConfigureAwait(false);
            return C8KeyValuePair.FromJson(response.Json, Fabric(fabric), collection);
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1202)
        {
            return null;
        }
    }

    /// <summary>
    /// One page of pairs in key order (<c>POST …/values?offset=&amp;limit=</c>): of the given keys, or of the whole
    /// collection when <paramref name="keys"/> is null or empty. At most <see cref="MaxPage"/> a page.
    /// </summary>
    public async Task<IReadOnlyList<C8KeyValuePair>> GetPageAsync(string? fabric, string collection, IReadOnlyList<string>? keys = null, long offset = 0, int limit = MaxPage, CancellationToken cancellationToken = default)
    {
        RequirePage(offset, limit);
        var request = new C8Request(HttpMethod.Post, Path(fabric, collection, "/values")).Query("offset", offset).Query("limit", (long)limit);
        request.Json(w =>
        {
            w.WriteStartArray();
            foreach (var key in keys ?? Array.Empty<string>())
            {
                w.WriteStringValue(key);
            }

            w.WriteEndArray();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var f = Fabric(fabric);
        return JsonRead.Array(JsonRead.Result(response.Json)).Select(e => C8KeyValuePair.FromJson(e, f, collection)).ToList();
    }

    /// <summary>One page of keys (<c>GET …/keys?offset=&amp;limit=&amp;order=</c>), ascending unless <paramref name="descending"/>.</summary>
    public async Task<IReadOnlyList<string>> GetKeysAsync(string? fabric, string collection, long offset = 0, int limit = MaxPage, bool descending = false, CancellationToken cancellationToken = default)
    {
        RequirePage(offset, limit);
        var request = new C8Request(HttpMethod.Get, Path(fabric, collection, "/keys"))
            .Query("offset", offset).Query("limit", (long)limit).Query("order", descending ? "desc" : "asc");
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return JsonRead.Array(JsonRead.Result(response.Json)).Select(e => JsonRead.String(e) ?? string.Empty).ToList();
    }

    /// <summary>How many live pairs the collection holds (<c>GET …/count</c>).</summary>
    public async Task<long> CountAsync(string? fabric, string collection, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, Path(fabric, collection, "/count")), cancellationToken).ConfigureAwait(false);
        return JsonRead.Long(response.Json, "count") ?? 0;
    }

    /// <summary>
    /// Stores pairs, replacing those whose keys exist (<c>PUT …/value</c>). The service checks every pair before it
    /// writes any: one bad pair fails the request and nothing is stored. Each value is written by <paramref name="valueWriter"/>.
    /// </summary>
    public async Task<C8BatchResult> PutAsync<TValue>(string? fabric, string collection, IReadOnlyList<C8KeyValueEntry<TValue>> pairs, JsonItemWriter<TValue> valueWriter, CancellationToken cancellationToken = default)
    {
        if (pairs is null)
        {
            throw new ArgumentNullException(nameof(pairs));
        }

        if (valueWriter is null)
        {
            throw new ArgumentNullException(nameof(valueWriter));
        }

        var request = new C8Request(HttpMethod.Put, Path(fabric, collection, "/value"))
        {
            Body = () => JsonBodyContent.Array(pairs, (w, pair) => WritePair(w, pair, valueWriter)),
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8BatchResult.FromBody(response.Body, response.ErrorCodes);
    }

    /// <summary>Removes one pair (<c>DELETE …/value/{key}</c>); 404/1202 when there is none.</summary>
    public async Task<C8DocumentResult> RemoveAsync(string? fabric, string collection, string key, CancellationToken cancellationToken = default)
    {
        RequireName(key, nameof(key));
        var response = await SendAsync(new C8Request(HttpMethod.Delete, Path(fabric, collection, "/value/" + C8Paths.Seg(key))), cancellationToken).ConfigureAwait(false);
        return C8DocumentResult.FromBody(response.Body);
    }

    /// <summary>Removes pairs by key (<c>DELETE …/values</c>, at most <see cref="MaxRemove"/>); a key not there comes back as an item error 1202.</summary>
    public async Task<C8BatchResult> RemoveManyAsync(string? fabric, string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys is null)
        {
            throw new ArgumentNullException(nameof(keys));
        }

        if (keys.Count > MaxRemove)
        {
            throw new ArgumentOutOfRangeException(nameof(keys), "At most " + MaxRemove + " keys can be removed in one request.");
        }

        var request = new C8Request(HttpMethod.Delete, Path(fabric, collection, "/values"))
        {
            Body = () => JsonBodyContent.Array(keys, (w, k) => w.WriteStringValue(k)),
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8BatchResult.FromBody(response.Body, response.ErrorCodes);
    }

    /// <summary>Removes every pair of the collection (<c>PUT …/truncate</c>).</summary>
    public Task TruncateAsync(string? fabric, string collection, CancellationToken cancellationToken = default) =>
        SendAsync(new C8Request(HttpMethod.Put, Path(fabric, collection, "/truncate")), cancellationToken);

    private static void WritePair<TValue>(Utf8JsonWriter writer, C8KeyValueEntry<TValue> pair, JsonItemWriter<TValue> valueWriter)
    {
        writer.WriteStartObject();
        if (pair.Key is not null)
        {
            writer.WriteString("_key", pair.Key);
        }

        writer.WritePropertyName("value");
        valueWriter(writer, pair.Value);
        if (pair.ExpireAt is DateTimeOffset at)
        {
            writer.WriteNumber("expireAt", at.ToUnixTimeSeconds());
        }

        writer.WriteEndObject();
    }

    private string Path(string? fabric, string collection, string rest)
    {
        RequireName(collection, nameof(collection));
        return C8Paths.Fabric(Fabric(fabric), "kv/" + C8Paths.Seg(collection) + rest);
    }

    private static void RequireName(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A name is required.", parameter);
        }
    }

    private static void RequirePage(long offset, int limit)
    {
        if (offset < 0 || limit < 1 || limit > MaxPage)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), "The offset must be 0 or more and the limit between 1 and " + MaxPage + ".");
        }
    }
}
