using System.Linq;
using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Remove-C8ApiKey: deletes API keys; connections using them stop working.</summary>
[Cmdlet(VerbsCommon.Remove, "C8ApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = KeyIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8ApiKeyCommand : C8ConnectedCmdlet
{
    private const string KeyIdSet = "KeyId";
    private const string InputObjectSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeyIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] KeyId { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8ApiKey[] InputObject { get; set; } = System.Array.Empty<C8ApiKey>();

    protected override void ProcessRecord() => ChangeEach(
        ParameterSetName == InputObjectSet ? InputObject.Select(k => k.KeyId) : KeyId,
        id => id,
        "Remove API key",
        force: false,
        (id, token) => Client.ApiKeys.DeleteAsync(id, token));
}
