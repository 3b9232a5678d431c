namespace PSC8.Client;

/// <summary>Everything needed to open a <see cref="C8Connection"/>.</summary>
public sealed class C8ConnectionOptions
{
    /// <summary>Creates options for a URL as the user wrote it and a credential.</summary>
    public C8ConnectionOptions(string url, C8Credential credential)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Credential = credential ?? throw new ArgumentNullException(nameof(credential));
    }

    /// <summary>The URL as the user wrote it; see <see cref="C8Url.Normalize"/>.</summary>
    public string Url { get; }

    /// <summary>The credential.</summary>
    public C8Credential Credential { get; }

    /// <summary>Whether to add <c>api-</c> to GDN host names (as the drivers do).</summary>
    public bool AddApiPrefix { get; set; } = true;

    /// <summary>The fabric calls use when none is named.</summary>
    public string DefaultFabric { get; set; } = "_system";

    /// <summary>Time allowed for one HTTP attempt (retries get their own).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Accept any TLS certificate the server presents (self-signed, expired, another host's). Only for a server you
    /// know, such as a C8 Local with its own certificate: it turns off the check that you talk to the right server.
    /// </summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>Retry behaviour for idempotent requests.</summary>
    public C8RetryPolicy Retry { get; set; } = new C8RetryPolicy();

    /// <summary>
    /// Receives one line per request, retry wait and token renewal (PowerShell's Verbose stream).
    /// Lines never contain a secret. Called on whatever thread runs the request.
    /// </summary>
    public Action<string>? Log { get; set; }

    /// <summary>Whether <see cref="Log"/> wants a request's line now; asked per request, so nothing is built when not.</summary>
    public Func<bool>? LogEnabled { get; set; }

    /// <summary>
    /// Receives the detail of each request and answer when <see cref="TraceEnabled"/> says so: the request line with
    /// its query, the headers and the first part of each body — all redacted (PowerShell's Debug stream). Called on
    /// whatever thread runs the request.
    /// </summary>
    public Action<string>? Trace { get; set; }

    /// <summary>Whether <see cref="Trace"/> wants lines now; asked per request, so nothing is built when not.</summary>
    public Func<bool>? TraceEnabled { get; set; }

    /// <summary>A password login's JWT is renewed when it has less than this left (GDN tokens live 12 h).</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether <see cref="C8Connection.ConnectAsync(C8ConnectionOptions, System.Threading.CancellationToken)"/>
    /// asks the server for the region and tenant (and so checks the credential) before returning.
    /// </summary>
    public bool Probe { get; set; } = true;

    /// <summary>Sent as User-Agent.</summary>
    public string UserAgent { get; set; } = "PSC8.Client/" + typeof(C8ConnectionOptions).Assembly.GetName().Version;

    /// <summary>The clock, replaceable by tests of token renewal.</summary>
    internal Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
}
