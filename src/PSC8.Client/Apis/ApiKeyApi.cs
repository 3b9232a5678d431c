namespace PSC8.Client.Apis;

/// <summary>API keys: <c>/_api/key*</c>.</summary>
public sealed class ApiKeyApi : ApiBase
{
    internal ApiKeyApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>Creates a key (<c>POST /_api/key</c>). The secret is returned only here, held by the result.</summary>
    public async Task<C8CreatedApiKey> CreateAsync(string keyId, CancellationToken cancellationToken = default)
    {
        RequireId(keyId);
        var request = new C8Request(HttpMethod.Post, "/_api/key").Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("keyid", keyId);
            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = JsonRead.Result(response.Json);
        var secret = JsonRead.String(body, "key");
        if (string.IsNullOrEmpty(secret))
        {
            throw new C8ApiException(response.Status, null, "The server returned no key.", "POST", "/_api/key");
        }

        return new C8CreatedApiKey(JsonRead.String(body, "keyid") ?? keyId, JsonRead.String(body, "user"), JsonRead.String(body, "tenant"), secret!);
    }

    /// <summary>Lists keys (<c>GET /_api/key[?user=]</c>).</summary>
    public async Task<IReadOnlyList<C8ApiKey>> ListAsync(string? user = null, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/_api/key").Query("user", user), cancellationToken).ConfigureAwait(false);
        var list = new List<C8ApiKey>();
        foreach (var item in JsonRead.Array(JsonRead.Result(response.Json)))
        {
            list.Add(C8ApiKey.FromJson(item));
        }

        return list;
    }

    /// <summary>One key (<c>GET /_api/key/{keyid}</c>); 404/100015 when unknown.</summary>
    public async Task<C8ApiKey> GetAsync(string keyId, CancellationToken cancellationToken = default)
    {
        RequireId(keyId);
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/_api/key/" + C8Paths.Seg(keyId)), cancellationToken).ConfigureAwait(false);
        var body = JsonRead.Result(response.Json);
        return C8ApiKey.FromJson(body, JsonRead.String(body, "keyid") ?? keyId);
    }

    /// <summary>Deletes a key (<c>DELETE /_api/key/{keyid}</c>).</summary>
    public async Task DeleteAsync(string keyId, CancellationToken cancellationToken = default)
    {
        RequireId(keyId);
        await SendAsync(new C8Request(HttpMethod.Delete, "/_api/key/" + C8Paths.Seg(keyId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a key (<c>POST /_api/key/validate {"apikey"}</c>); an invalid key raises <see cref="C8ApiException"/>.</summary>
    public async Task<C8KeyValidation> ValidateAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            throw new ArgumentException("A key is required.", nameof(apiKey));
        }

        // Validation only reads, so it may be retried.
        var request = new C8Request(HttpMethod.Post, "/_api/key/validate") { Idempotent = true }.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("apikey", apiKey);
            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8KeyValidation.FromJson(response.Json);
    }

    private static void RequireId(string keyId)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw new ArgumentException("A key id is required.", nameof(keyId));
        }
    }
}
