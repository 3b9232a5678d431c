using PSC8.Client.Apis;

namespace PSC8.Client;

/// <summary>
/// One authenticated endpoint (global or regional URL) with its own HttpClient. It knows the region that
/// serves it, the tenant and a default fabric; the operations are grouped in the API properties.
/// Several connections (one per region) can be used side by side; a connection is safe to share between threads.
/// No property or <see cref="ToString"/> exposes a secret.
/// </summary>
public sealed class C8Connection : IDisposable
{
    private readonly C8ConnectionOptions _options;
    private Task<bool>? _overwriteMode;
    private string _defaultFabric;

    private C8Connection(C8ConnectionOptions options, Uri baseUrl)
    {
        _options = options;
        BaseUrl = baseUrl;
        _defaultFabric = string.IsNullOrWhiteSpace(options.DefaultFabric) ? "_system" : options.DefaultFabric;
        Transport = new C8Transport(baseUrl, options);
        Regions = new RegionApi(this);
        Fabrics = new FabricApi(this);
        Collections = new CollectionApi(this);
        Documents = new DocumentApi(this);
        Queries = new QueryApi(this);
        QueryWorkers = new QueryWorkerApi(this);
        ApiKeys = new ApiKeyApi(this);
        Access = new AccessApi(this);
        Users = new UserApi(this);
        KeyValues = new KeyValueApi(this);
        Indexes = new IndexApi(this);
        Version = new VersionApi(this);
    }

    /// <summary>The normalised API base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The region serving this URL (from <c>/datacenter/local</c> or <c>x-gdn-region</c>); null until probed.</summary>
    public string? Region { get; private set; }

    /// <summary>The tenant; null until probed.</summary>
    public string? Tenant { get; private set; }

    /// <summary>The user signed in with a password or token, when known.</summary>
    public string? User { get; private set; }

    /// <summary>The fabric used when a call names none.</summary>
    public string DefaultFabric
    {
        get => _defaultFabric;
        set => _defaultFabric = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A fabric name is required.", nameof(value)) : value;
    }

    /// <summary>How this connection authenticates (the secret itself is not reachable).</summary>
    public C8AuthenticationKind AuthenticationKind => _options.Credential.Kind;

    /// <summary>When the JWT in use expires (password and token logins).</summary>
    public DateTimeOffset? TokenExpires => Transport.Authenticator.Token?.Expires;

    /// <summary>The region that answered the latest request, from its <c>x-gdn-region</c> header (a host; its first label is the region name).</summary>
    public string? LastServedBy => Transport.LastRegion is string host ? C8Url.RegionNameFromHost(host) : null;

    /// <summary>Regions (data centers).</summary>
    public RegionApi Regions { get; }

    /// <summary>Geo-fabrics.</summary>
    public FabricApi Fabrics { get; }

    /// <summary>Collections.</summary>
    public CollectionApi Collections { get; }

    /// <summary>Documents.</summary>
    public DocumentApi Documents { get; }

    /// <summary>C8QL queries and cursors.</summary>
    public QueryApi Queries { get; }

    /// <summary>Saved queries (RestQL query workers).</summary>
    public QueryWorkerApi QueryWorkers { get; }

    /// <summary>API keys.</summary>
    public ApiKeyApi ApiKeys { get; }

    /// <summary>Access levels of keys and users.</summary>
    public AccessApi Access { get; }

    /// <summary>Users of the tenant.</summary>
    public UserApi Users { get; }

    /// <summary>Key-value collections and their pairs.</summary>
    public KeyValueApi KeyValues { get; }

    /// <summary>Indexes of collections.</summary>
    public IndexApi Indexes { get; }

    /// <summary>The server's name and version.</summary>
    public VersionApi Version { get; }

    internal C8Transport Transport { get; }

    /// <summary>Opens a connection and, unless <see cref="C8ConnectionOptions.Probe"/> is false, signs in and learns region and tenant.</summary>
    public static async Task<C8Connection> ConnectAsync(C8ConnectionOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var connection = new C8Connection(options, C8Url.Normalize(options.Url, options.AddApiPrefix));
        try
        {
            if (options.Probe)
            {
                await connection.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection with default options.</summary>
    public static Task<C8Connection> ConnectAsync(string url, C8Credential credential, CancellationToken cancellationToken = default) =>
        ConnectAsync(new C8ConnectionOptions(url, credential), cancellationToken);

    /// <summary>
    /// Opens another connection with the same credential and settings to a different URL, typically a
    /// regional endpoint, so a script can compare what each region sees.
    /// </summary>
    public Task<C8Connection> ConnectToAsync(string url, CancellationToken cancellationToken = default)
    {
        var copy = new C8ConnectionOptions(url, _options.Credential)
        {
            AddApiPrefix = _options.AddApiPrefix,
            DefaultFabric = DefaultFabric,
            Timeout = _options.Timeout,
            Retry = _options.Retry.Clone(),
            SkipCertificateCheck = _options.SkipCertificateCheck,
            Log = _options.Log,
            Trace = _options.Trace,
            TraceEnabled = _options.TraceEnabled,
            TokenRenewalMargin = _options.TokenRenewalMargin,
            Probe = _options.Probe,
            UserAgent = _options.UserAgent,
            Clock = _options.Clock,
        };
        return ConnectAsync(copy, cancellationToken);
    }

    /// <summary>
    /// Checks that the URL is a GDN (C8) endpoint that accepts the credential and has the default fabric, and learns
    /// the serving region and the tenant, signing in first when needed.
    /// </summary>
    /// <exception cref="C8ApiException">
    /// C8.NotC8Server when the URL answers but not as GDN does; C8.AuthenticationFailed for a rejected credential;
    /// C8.FabricNotFound when the default fabric does not exist.
    /// </exception>
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        C8Region local;
        try
        {
            local = await Regions.GetLocalAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (C8ApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 405 || ex.StatusCode == 501)
        {
            throw NotC8Server(ex.Method + " " + ex.Path + " answered HTTP " + ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), ex);
        }

        if (string.IsNullOrEmpty(local.Name))
        {
            throw NotC8Server("GET /_api/datacenter/local did not describe a region", null);
        }

        Region = local.Name;
        var auth = Transport.Authenticator;
        switch (AuthenticationKind)
        {
            case C8AuthenticationKind.Password:
                Tenant = auth.LoginTenant ?? auth.Token?.Tenant;
                User = auth.LoginUser ?? auth.Token?.Username;
                break;
            case C8AuthenticationKind.Token:
                Tenant = auth.Token?.Tenant;
                User = auth.Token?.Username;
                break;
            default:
                Tenant = await ProbeTenantAsync(cancellationToken).ConfigureAwait(false);
                break;
        }

        try
        {
            await Fabrics.GetAsync(DefaultFabric, cancellationToken).ConfigureAwait(false);
        }
        catch (C8ApiException ex) when (ex.StatusCode == 403)
        {
            // The fabric exists; this credential may read it once it is granted access (the documented flow grants later).
        }
    }

    /// <summary>Closes the HttpClient.</summary>
    public void Dispose() => Transport.Dispose();

    /// <inheritdoc />
    public override string ToString() =>
        BaseUrl.AbsoluteUri.TrimEnd('/') + " (region " + (Region ?? "?") + ", tenant " + (Tenant ?? "?") + ", fabric " + DefaultFabric + ", " + AuthenticationKind + ")";

    private C8ApiException NotC8Server(string what, Exception? inner) =>
        new C8ApiException(0, null, BaseUrl.AbsoluteUri.TrimEnd('/') + " answers, but " + what + ".", "GET", "/_api/datacenter/local", C8ErrorMapping.NotC8Server, inner);

    /// <summary>
    /// Whether the server says it understands <c>overwriteMode</c> on inserts, a parameter outside GDN's published API
    /// (<c>GET /_api/version?details=true</c> listing <c>"overwriteMode": "supported"</c>). Asked once per connection.
    /// </summary>
    internal async Task<bool> SupportsOverwriteModeAsync(CancellationToken cancellationToken)
    {
        var probe = _overwriteMode ??= ProbeOverwriteModeAsync();
        try
        {
            return await probe.ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not an answer about the capability (the connection failed): ask again next time.
            _overwriteMode = null;
            throw;
        }
    }

    internal string FabricOrDefault(string? fabric) => string.IsNullOrWhiteSpace(fabric) ? DefaultFabric : fabric!;

    private async Task<bool> ProbeOverwriteModeAsync()
    {
        try
        {
            var version = await Version.GetAsync(details: true, CancellationToken.None).ConfigureAwait(false);
            var supported = version.Details is { } details && details.TryGetValue("overwriteMode", out var mode) && (mode as string) == "supported";
            Transport.Log("The server " + (supported ? "supports" : "does not advertise") + " overwriteMode.");
            return supported;
        }
        catch (C8ApiException)
        {
            return false;
        }
    }

    private async Task<string?> ProbeTenantAsync(CancellationToken cancellationToken)
    {
        try
        {
            var users = await Users.ListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var user in users)
            {
                if (!string.IsNullOrEmpty(user.Tenant))
                {
                    return user.Tenant;
                }
            }
        }
        catch (C8ApiException ex) when (ex.StatusCode == 403 || ex.StatusCode == 404 || ex.StatusCode == 501)
        {
            // A key without rights on users; fall back to the key's own text as jsC8 does.
        }

        return TenantFromApiKey(_options.Credential.Secret);
    }

    /// <summary>The tenant part of <c>&lt;tenant&gt;.&lt;keyid&gt;.&lt;secret&gt;</c> (tenants may contain dots).</summary>
    internal static string? TenantFromApiKey(string key)
    {
        var last = key.LastIndexOf('.');
        if (last <= 0)
        {
            return null;
        }

        var second = key.LastIndexOf('.', last - 1);
        return second <= 0 ? null : key.Substring(0, second);
    }
}
