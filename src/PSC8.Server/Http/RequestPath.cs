using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PSC8.Server.Http;

/// <summary>
/// A request path reduced to what the handlers dispatch on. Every form the drivers use is accepted:
/// an optional /_tenant/{t}, an optional /_fabric/{f} (default _system), an optional /_api or /_admin
/// (<see cref="Area"/>, which --strict-api checks).
/// </summary>
internal sealed record RequestPath(string? Tenant, string Fabric, bool FabricGiven, string? Area, string[] Segments)
{
    public const string DefaultFabric = "_system";

    /// <summary>
    /// The request's path as the client escaped it, each segment decoded once. The server's own path is decoded
    /// already (all but %2F), and decoding it again would turn a key's own "%41" into "A", out of reach.
    /// </summary>
    public static RequestPath Of(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return Parse(http.Request.Path.ToUriComponent());
        }
        var end = target.IndexOfAny(['?', '#']);
        var path = end < 0 ? target : target[..end];
        if (!path.StartsWith('/'))
        {
            // The absolute form a proxy may send; anything else has no path of its own.
            path = Uri.TryCreate(path, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : "/";
        }
        return Parse(path);
    }

    public static RequestPath Parse(string path)
    {
        var raw = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            segments[i] = Uri.UnescapeDataString(raw[i]);
        }
        var at = 0;
        string? tenant = null;
        var fabric = DefaultFabric;
        var fabricGiven = false;
        if (segments.Length >= at + 2 && segments[at] == "_tenant")
        {
            tenant = segments[at + 1];
            at += 2;
        }
        if (segments.Length >= at + 2 && segments[at] == "_fabric")
        {
            fabric = segments[at + 1];
            fabricGiven = true;
            at += 2;
        }
        string? area = null;
        if (segments.Length > at && segments[at] is "_api" or "_admin")
        {
            area = segments[at];
            at++;
        }
        return new RequestPath(tenant, fabric, fabricGiven, area, segments[at..]);
    }
}
