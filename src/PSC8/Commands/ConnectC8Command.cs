using System.Security;
using PSC8.Sessions;

namespace PSC8.Commands;

/// <summary>
/// Connect-C8: opens a connection, checks that the URL is a GDN endpoint that takes the credential and has the fabric,
/// makes it the session default, and returns it. Any failure ends the call and leaves the default as it was.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "C8", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(C8Session))]
public sealed class ConnectC8Command : C8Cmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string TokenSet = "Token";

    // By property name too, so that Start-C8Local | Connect-C8 connects to what it started.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Url { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>An email and password; or a user name and password with -Tenant (or a user name written tenant/user).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet, ValueFromPipelineByPropertyName = true)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The tenant of a user who signs in by user name rather than email.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [ValidateNotNullOrEmpty]
    public string? Tenant { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [ValidateNotNull]
    public SecureString? Token { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Fabric { get; set; } = "_system";

    [Parameter]
    public SwitchParameter KeepDefault { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int? TimeoutSec { get; set; }

    /// <summary>Accept the server's TLS certificate without checking it (a self-signed C8 Local, a test server).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>How many times a request that a busy server refused (429, 503) or that timed out is sent again.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int? MaximumRetryCount { get; set; }

    /// <summary>Seconds to wait between retries, unless the server says how long (Retry-After).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? RetryIntervalSec { get; set; }

    protected override void ProcessRecord() => Attempt(Url, terminating: true, () =>
    {
        var credential = ParameterSetName switch
        {
            ApiKeySet => C8Credential.FromApiKey(ApiKey!),
            TokenSet => C8Credential.FromToken(Token!),
            _ => C8Connector.FromUser(Credential!.UserName, Tenant, Credential.Password),
        };
        var options = C8Connector.Options(Url, credential, Fabric);
        options.SkipCertificateCheck = SkipCertificateCheck;
        if (TimeoutSec is int seconds)
        {
            options.Timeout = TimeSpan.FromSeconds(seconds);
        }

        if (MaximumRetryCount is int retries)
        {
            options.Retry.MaxRetries = retries;
        }

        if (RetryIntervalSec is int interval)
        {
            options.Retry.Interval = TimeSpan.FromSeconds(interval);
        }

        var client = Await(token => C8Connection.ConnectAsync(options, token));
        var session = Registry.Add(client, makeDefault: !KeepDefault);
        Note("Connected: " + session);
        WriteObject(session);
    });
}
