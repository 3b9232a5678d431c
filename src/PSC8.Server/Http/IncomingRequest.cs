using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PSC8.Server.Http;

/// <summary>One request as handlers see it: the region that received it, the fabric, the caller, and typed access to its inputs.</summary>
internal sealed class IncomingRequest(HttpContext http, C8Cluster cluster, Region region, RequestPath path, Dictionary<string, string> routeValues)
{
    public HttpContext Http { get; } = http;

    public C8Cluster Cluster { get; } = cluster;

    /// <summary>The region whose endpoint received the request.</summary>
    public Region Region { get; } = region;

    public RequestPath Path { get; } = path;

    public string Fabric => Path.Fabric;

    /// <summary>Set for every route but the open ones.</summary>
    public Principal Principal { get; internal set; } = null!;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>What GDN's published API allows for this operation; set only under --strict-api.</summary>
    public ApiContract? Contract { get; internal set; }

    public string Route(string name) => routeValues[name];

    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[^1];
    }

    /// <summary>Query-string booleans arrive as 0/1, true/false or True/False depending on the driver.</summary>
    public bool QueryBool(string name, bool defaultValue)
    {
        var text = Query(name);
        if (text is null || text.Length == 0)
        {
            return defaultValue;
        }
        return QueryFlags.TryParseBool(text, out var value)
            ? value
            : throw C8Errors.BadRequest($"query parameter '{name}' must be a boolean (true/false or 1/0), not '{text}'");
    }

    public long? QueryLong(string name)
    {
        var text = Query(name);
        if (text is null || text.Length == 0)
        {
            return null;
        }
        return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw C8Errors.BadRequest($"query parameter '{name}' must be an integer, not '{text}'");
    }

    public string? Header(string name)
    {
        var values = Http.Request.Headers[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The raw body, whatever the content type says (pyC8 sends JSON without one).</summary>
    public async Task<byte[]> ReadBodyAsync()
    {
        using var body = await ReadPooledBodyAsync().ConfigureAwait(false);
        return body.Span.ToArray();
    }

    /// <summary>The JSON body; an empty body is null, malformed JSON is a 400.</summary>
    public async Task<C8Value> ReadJsonAsync()
    {
        using var body = await ReadPooledBodyAsync().ConfigureAwait(false);
        var value = IsBlank(body.Span) ? C8Value.Null : C8Json.Parse(body.Span);
        Contract?.Body?.Check(value, Contract.Operation, "");
        return value;
    }

    /// <summary>
    /// The body, read straight into a buffer from the shared pool: a bulk request is read once and parsed, and
    /// copying it through a growing stream into a fresh array cost a large allocation or two per request.
    /// </summary>
    private async Task<PooledBody> ReadPooledBodyAsync()
    {
        var request = Http.Request;
        var limit = Cluster.Options.MaxBodyBytes;
        // Kestrel's own limit (the same) is raised for this request only, so that an oversized body can be drained.
        if (Http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit > long.MaxValue / 2 ? long.MaxValue : limit * 2;
        }
        if (request.ContentLength > limit)
        {
            await DrainAsync().ConfigureAwait(false);
            throw RequestTooLarge(limit);
        }
        // One byte more than announced, so that the read which finds the end needs no larger buffer.
        var body = new PooledBody(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength.Value + 1 : 16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.Free(), Aborted).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > limit)
                {
                    await DrainAsync().ConfigureAwait(false);
                    throw RequestTooLarge(limit);
                }
                body.Advance(read);
            }
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>The JSON body, which must be an object (an empty body counts as {}).</summary>
    public async Task<C8Object> ReadObjectAsync()
    {
        var value = await ReadJsonAsync().ConfigureAwait(false);
        return value.Type switch
        {
            C8Type.Null => C8Object.Empty,
            C8Type.Object => value.AsObject,
            _ => throw C8Errors.BadRequest("the request body must be a JSON object"),
        };
    }

    /// <summary>
    /// Reads and discards the rest of an oversized body, up to twice the limit and for a few seconds. Answering 413
    /// and closing while the upload still arrives makes the socket reset, and the client sees that reset instead of
    /// the 413. A bigger body is cut off: bounded work for a "no", and the 413 then races the close.
    /// </summary>
    private async Task DrainAsync()
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
        budget.CancelAfter(TimeSpan.FromSeconds(5));
        var sink = new byte[16 * 1024];
        try
        {
            while (await Http.Request.Body.ReadAsync(sink, budget.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Past twice the limit, too slow, or gone: stop draining; the 413 is answered all the same.
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }

    private static C8Exception RequestTooLarge(long limit) =>
        new(413, C8Errors.HttpRequestTooLarge, $"request body too large: the limit is {limit} bytes (c8local --max-body-size)");
}
