using System.Net.Http.Headers;

namespace PSC8.Server.Tests.Infrastructure;

/// <summary>
/// Plain HttpClient calls to one region with one credential. Every response is checked against the rules that
/// hold for all of C8 Local, so each test proves them in passing: an x-gdn-region header naming the region that
/// answered, JSON bodies, never a 500, errors carrying error/code/errorNum/errorMessage with code equal to the
/// HTTP status, and successes never carrying errorNum.
/// </summary>
public sealed class RegionClient(string region, Uri baseUrl, string? authorization, string? expectedRegionHost)
{
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public string Region { get; } = region;

    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>The whole Authorization header value ("bearer JWT"), or null for none.</summary>
    public string? Authorization { get; } = authorization;

    /// <summary>The x-gdn-region value every response must carry; null to accept any.</summary>
    public string? ExpectedRegionHost { get; } = expectedRegionHost;

    public RegionClient WithAuthorization(string? authorization) => new(Region, BaseUrl, authorization, ExpectedRegionHost);

    public RegionClient WithExpectedRegionHost(string? host) => new(Region, BaseUrl, Authorization, host);

    /// <summary>POST /_open/auth with email and password; returns the JWT.</summary>
    public async Task<string> LoginAsync(string email, string password)
    {
        var response = (await WithAuthorization(null).PostAsync("/_open/auth", new { email, password })).ShouldBe(200);
        return response.Json.Str("jwt") ?? throw new XunitException($"No jwt in {response}");
    }

    public Task<HttpExchange> GetAsync(string path, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, path, null, configure);

    public Task<HttpExchange> HeadAsync(string path, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Head, path, null, configure);

    public Task<HttpExchange> PostAsync(string path, object? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, path, body, configure);

    public Task<HttpExchange> PutAsync(string path, object? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Put, path, body, configure);

    public Task<HttpExchange> PatchAsync(string path, object? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Patch, path, body, configure);

    public Task<HttpExchange> DeleteAsync(string path, object? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Delete, path, body, configure);

    /// <summary>Sends <paramref name="body"/> serialised as JSON (a JsonNode as is) with content-type application/json.</summary>
    public Task<HttpExchange> SendAsync(HttpMethod method, string path, object? body, Action<HttpRequestMessage>? configure = null)
    {
        byte[]? content = body switch
        {
            null => null,
            JsonNode node => Encoding.UTF8.GetBytes(node.ToJsonString()),
            _ => JsonSerializer.SerializeToUtf8Bytes(body),
        };
        return SendRawAsync(method, path, content, content is null ? null : "application/json", configure);
    }

    /// <summary>Sends bytes as they are, with the given content type (null: no content-type header at all).</summary>
    public async Task<HttpExchange> SendRawAsync(HttpMethod method, string path, byte[]? content, string? contentType, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        configure?.Invoke(request);
        using var response = await SharedHttp.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        JsonNode? json = null;
        if (text.Length > 0)
        {
            try
            {
                // Deeper than the default 64 levels: the depth tests read answers as deep as C8 Local writes them.
                json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 1024 });
            }
            catch (JsonException e)
            {
                throw new XunitException($"{method} {path} -> {(int)response.StatusCode}: the body is not JSON ({e.Message}): {text}");
            }
        }
        var result = new HttpExchange(method, request.RequestUri!, (int)response.StatusCode, response.Headers, response.Content.Headers, text, json);
        CheckUniversalRules(result);
        return result;
    }

    private void CheckUniversalRules(HttpExchange r)
    {
        var region = r.Header("x-gdn-region");
        if (string.IsNullOrEmpty(region))
        {
            throw new XunitException($"No x-gdn-region header: {r}");
        }
        if (ExpectedRegionHost is not null && region != ExpectedRegionHost)
        {
            throw new XunitException($"x-gdn-region is '{region}', expected '{ExpectedRegionHost}': {r}");
        }
        if (r.Status >= 500 && r.Status != 503)
        {
            throw new XunitException($"Server error: {r}");
        }
        if (r.Body.Length > 0 && r.ContentHeaders.ContentType?.MediaType != "application/json")
        {
            throw new XunitException($"Content-Type is '{r.ContentHeaders.ContentType}', not application/json: {r}");
        }
        if (r.Status >= 400 && r.Method != HttpMethod.Head)
        {
            var e = r.Json;
            if (e is not JsonObject || e.Bool("error") != true || e.Long("code") != r.Status || e.Long("errorNum") is null || e.Str("errorMessage") is null)
            {
                throw new XunitException($"Error without the full envelope (error, code = status, errorNum, errorMessage): {r}");
            }
        }
        if (r.Status < 400 && r.Json is JsonObject ok && (ok.ContainsKey("errorNum") || ok.Bool("error") == true))
        {
            throw new XunitException($"A success must not look like an error (errorNum or error:true): {r}");
        }
    }
}
