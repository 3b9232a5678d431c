namespace PSC8.Commands;

/// <summary>Remove-C8ApiKey: deletes API keys; connections using them stop working.</summary>
[Cmdlet(VerbsCommon.Remove, "C8ApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8ApiKeyCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ApiKeyIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] KeyId { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8ApiKey[] InputObject { get; set; } = System.Array.Empty<C8ApiKey>();

    protected override void ProcessRecord() => ChangeEach(
        ChangeTarget.Of(ParameterSetName, KeyId, InputObject, k => (null, k.KeyId), null),
        "Remove API key",
        force: false,
        (target, client, token) => client.ApiKeys.DeleteAsync(target.Name, token));
}
