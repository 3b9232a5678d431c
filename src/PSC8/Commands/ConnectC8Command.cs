using System.Management.Automation;
using System.Security;
using PSC8.Client;

namespace PSC8.Commands;

/// <summary>Connect-C8: opens a connection, makes it the session default, and returns it.</summary>
[Cmdlet(VerbsCommunications.Connect, "C8", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(C8Session))]
public sealed class ConnectC8Command : C8Cmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string TokenSet = "Token";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Url { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

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

    protected override void ProcessRecord() => Attempt(Url, () =>
    {
        var credential = ParameterSetName switch
        {
            ApiKeySet => C8Credential.FromApiKey(ApiKey!),
            TokenSet => C8Credential.FromToken(Token!),
            _ => C8Connector.FromUserName(Credential!.UserName, Credential.Password),
        };
        var options = C8Connector.Options(Url, credential, Fabric, TimeoutSec);
        var client = Await(token => C8Connection.ConnectAsync(options, token));
        var session = Registry.Add(client, makeDefault: !KeepDefault);
        WriteVerbose("Connected: " + session);
        WriteObject(session);
    });
}
