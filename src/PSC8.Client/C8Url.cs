using System.Net;

namespace PSC8.Client;

/// <summary>
/// Turns the URL a user types into the API base URL the GDN expects, following the official drivers:
/// a GDN UI host gets the <c>api-</c> prefix; local and explicit-port URLs are left alone so C8 Local works.
/// </summary>
public static class C8Url
{
    /// <summary>
    /// Normalises <paramref name="url"/>: adds a scheme when missing (http for loopback and IP addresses,
    /// https otherwise), prefixes <c>api-</c> to GDN host names, and drops a trailing slash.
    /// </summary>
    /// <param name="url">What the user wrote, e.g. <c>play.paas.macrometa.io</c> or <c>http://127.0.0.1:8529</c>.</param>
    /// <param name="addApiPrefix">False to use the host exactly as given.</param>
    /// <returns>An absolute http(s) URI whose path ends with <c>/</c>.</returns>
    /// <exception cref="ArgumentException">The text is not an http(s) URL, or it carries user info, a query or a fragment.</exception>
    public static Uri Normalize(string url, bool addApiPrefix = true)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        var text = url.Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException("The URL is empty.", nameof(url));
        }

        if (text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            text = (IsLocalHostText(text) ? "http://" : "https://") + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            // The text is not echoed: a mistyped URL may hold a pasted secret.
            throw new ArgumentException("The URL must be an http or https URL such as https://play.paas.macrometa.io.", nameof(url));
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new ArgumentException("The URL must not contain user name or password; pass credentials separately.", nameof(url));
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ArgumentException("The URL must not contain a query string or fragment.", nameof(url));
        }

        var host = uri.Host;
        if (addApiPrefix && ShouldAddApiPrefix(uri))
        {
            host = "api-" + host;
        }

        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        var hostText = uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith("[", StringComparison.Ordinal) ? "[" + host + "]" : host;
        return new Uri(uri.Scheme + "://" + hostText + port + path + "/");
    }

    /// <summary>True when the host is a loopback name or address, or any IP literal.</summary>
    public static bool IsLocalOrAddress(Uri uri)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        return uri.IsLoopback
            || uri.HostNameType == UriHostNameType.IPv4
            || uri.HostNameType == UriHostNameType.IPv6
            || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The region name in a GDN host: its first DNS label (<c>gdn-us-west.paas.macrometa.io</c> → <c>gdn-us-west</c>).</summary>
    public static string RegionNameFromHost(string host)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        var h = host.Trim();
        if (IPAddress.TryParse(h.Trim('[', ']'), out _))
        {
            return h;
        }

        var dot = h.IndexOf('.');
        return dot < 0 ? h : h.Substring(0, dot);
    }

    private static bool ShouldAddApiPrefix(Uri uri) =>
        uri.HostNameType == UriHostNameType.Dns
        && uri.IsDefaultPort
        && !IsLocalOrAddress(uri)
        && uri.Host.IndexOf('.') > 0
        && !uri.Host.StartsWith("api-", StringComparison.OrdinalIgnoreCase);

    private static bool IsLocalHostText(string text)
    {
        var end = text.IndexOf('/');
        var authority = end < 0 ? text : text.Substring(0, end);
        string host;
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            host = close < 0 ? authority : authority.Substring(1, close - 1);
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority.Substring(0, colon);
        }

        return IPAddress.TryParse(host, out _)
            || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
