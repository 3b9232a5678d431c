namespace PSC8.Commands;

/// <summary>New-C8ApiKey: creates an API key and returns its secret, once, as a SecureString.</summary>
[Cmdlet(VerbsCommon.New, "C8ApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8NewApiKey))]
public sealed class NewC8ApiKeyCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string KeyId { get; set; } = string.Empty;

    protected override void ProcessRecord() => Attempt(KeyId, () =>
    {
        var session = Session;
        if (ShouldProcess(Where(KeyId, session), "Create API key"))
        {
            Emit(new C8NewApiKey(Await(token => session.Client.ApiKeys.CreateAsync(KeyId, token))), session);
        }
    });
}
