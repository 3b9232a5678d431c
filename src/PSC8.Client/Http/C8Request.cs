using System.Text;

namespace PSC8.Client.Http;

/// <summary>One logical call; the transport turns it into a fresh HttpRequestMessage per attempt.</summary>
internal sealed class C8Request
{
    public static readonly HttpMethod Patch = new HttpMethod("PATCH");

    private List<KeyValuePair<string, string>>? _query;

    public C8Request(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    public HttpMethod Method { get; }

    /// <summary>Escaped path starting with '/', without query.</summary>
    public string Path { get; }

    public Func<HttpContent>? Body { get; set; }

    public string? IfMatch { get; set; }

    public string? IfNoneMatch { get; set; }

    /// <summary>Overrides the method's idempotency (e.g. a POST that only reads).</summary>
    public bool? Idempotent { get; set; }

    /// <summary>Sent without an Authorization header (login).</summary>
    public bool Anonymous { get; set; }

    /// <summary>
    /// Whether a 429 is waited out and the request repeated, as a busy server's 503 always is. Not for a sign-in: its
    /// 429 means too many failed logins, which waiting inside one call only hides (a repeat fails again).
    /// </summary>
    public bool RetriesWhenRateLimited { get; set; } = true;

    public bool IsIdempotent => Idempotent ?? (Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Put || Method == HttpMethod.Delete);

    /// <summary>Whether it runs only against an expected revision besides If-Match (ignoreRevs=false with <c>_rev</c> in the body).</summary>
    public bool ChecksRevisions { get; set; }

    /// <summary>
    /// Whether sending it again after its answer was lost gives the answer the first attempt would have given. Not so
    /// for a delete or a conditional write that did run: the repeat would fail with 404 or 412 for work that was done.
    /// </summary>
    public bool IsRepeatable => IsIdempotent && Method != HttpMethod.Delete && IfMatch is null && !ChecksRevisions;

    public C8Request Query(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public C8Request Query(string name, bool? value) => Query(name, value is null ? null : value.Value ? "true" : "false");

    public C8Request Query(string name, long? value) =>
        Query(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public C8Request Json(Action<Utf8JsonWriter> write)
    {
        Body = () => JsonBodyContent.Of(write);
        return this;
    }

    public C8Request JsonStream(Func<Utf8JsonWriter, Task> write)
    {
        Body = () => new JsonBodyContent(write);
        return this;
    }

    public string PathAndQuery()
    {
        if (_query is null || _query.Count == 0)
        {
            return Path;
        }

        var sb = new StringBuilder(Path).Append('?');
        for (var i = 0; i < _query.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('&');
            }

            sb.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
        }

        return sb.ToString();
    }
}

/// <summary>Builds escaped request paths.</summary>
internal static class C8Paths
{
    public static string Seg(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary><c>/_fabric/{fabric}/_api/{rest}</c>; <paramref name="rest"/> must already be escaped.</summary>
    public static string Fabric(string fabric, string rest) => "/_fabric/" + Seg(fabric) + "/_api/" + rest;
}
