using System.Management.Automation;
using PSC8.Client.Models;
using PSC8.Completion;
using PSC8.Engine;

namespace PSC8.Commands;

/// <summary>Remove-C8KeyValue: removes pairs by key; pairs piped in from Get-C8KeyValue say their own collection.</summary>
[Cmdlet(VerbsCommon.Remove, "C8KeyValue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8KeyValueCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = System.Array.Empty<string>();

    /// <summary>Pairs from Get-C8KeyValue.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8KeyValuePair[] InputObject { get; set; } = System.Array.Empty<C8KeyValuePair>();

    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Remove without asking, whatever $ConfirmPreference says.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => RemoveInCollection(
        Collection,
        Key,
        InputObject,
        p => (p.Fabric, p.Collection, p.Key),
        Fabric,
        "Remove key-value pair",
        Force,
        (client, pair, token) => client.KeyValues.RemoveAsync(pair.Fabric, pair.Collection, pair.Name, token));
}
