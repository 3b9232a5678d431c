namespace PSC8.Server.Http;

internal delegate Task RouteHandler(IncomingRequest request);

/// <summary>How a route is guarded before its handler runs.</summary>
internal enum RouteAccess
{
    /// <summary>Any authenticated caller; the handler checks levels itself.</summary>
    Authenticated,
    /// <summary>Served without credentials (login and health only).</summary>
    Open,
}

internal sealed record Route(string Method, string[] Pattern, RouteHandler Handler, RouteAccess Access);

/// <summary>Matches normalised path segments against patterns such as "collection/{name}/truncate".</summary>
internal sealed class Router
{
    private readonly List<Route> _routes = new();

    public IReadOnlyList<Route> Routes => _routes;

    public Router Map(string method, string pattern, RouteHandler handler, RouteAccess access = RouteAccess.Authenticated)
    {
        _routes.Add(new Route(method, pattern.Split('/', StringSplitOptions.RemoveEmptyEntries), handler, access));
        return this;
    }

    /// <summary>The matching route and its parameters; when only the method differs, <paramref name="pathKnown"/> says so.</summary>
    public Route? Match(string method, string[] segments, Dictionary<string, string> values, out bool pathKnown)
    {
        pathKnown = false;
        foreach (var route in _routes)
        {
            if (!Matches(route.Pattern, segments, values))
            {
                continue;
            }
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)
                || (method == "HEAD" && route.Method == "GET" && !_routes.Any(r => r.Method == "HEAD" && Matches(r.Pattern, segments, null))))
            {
                return route;
            }
            pathKnown = true;
        }
        values.Clear();
        return null;
    }

    private static bool Matches(string[] pattern, string[] segments, Dictionary<string, string>? values)
    {
        if (pattern.Length != segments.Length)
        {
            return false;
        }
        for (var i = 0; i < pattern.Length; i++)
        {
            var p = pattern[i];
            if (p.Length > 2 && p[0] == '{' && p[^1] == '}')
            {
                continue;
            }
            if (!string.Equals(p, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        if (values is not null)
        {
            values.Clear();
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i][0] == '{')
                {
                    values[pattern[i][1..^1]] = segments[i];
                }
            }
        }
        return true;
    }
}
