namespace PSC8.Client.Http;

/// <summary>A completed response: status, a few headers, and the body parsed once into a detached JSON value.</summary>
internal sealed class C8Response(int status, byte[] body, string? etag, string? errorCodes, string? region)
{
    private JsonElement? _json;

    public int Status { get; } = status;

    public byte[] Body { get; } = body;

    public string? ETag { get; } = etag;

    /// <summary>The <c>X-C8-Error-Codes</c> header of batch calls.</summary>
    public string? ErrorCodes { get; } = errorCodes;

    /// <summary>The <c>x-gdn-region</c> header.</summary>
    public string? Region { get; } = region;

    /// <summary>The status line's reason phrase, for errors whose body says nothing.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>The body as JSON; Undefined when empty or not JSON.</summary>
    public JsonElement Json
    {
        get
        {
            if (_json is null)
            {
                try
                {
                    _json = JsonRead.Parse(Body);
                }
                catch (JsonException)
                {
                    _json = default(JsonElement);
                }
            }

            return _json.Value;
        }
    }

    public static string? Unquote(string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        var t = etag.Trim();
        if (t.StartsWith("W/", StringComparison.Ordinal))
        {
            t = t.Substring(2);
        }

        return t.Length >= 2 && t[0] == '"' && t[t.Length - 1] == '"' ? t.Substring(1, t.Length - 2) : t;
    }
}
