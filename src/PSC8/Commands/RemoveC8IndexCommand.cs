using System.Management.Automation;
using PSC8.Client.Models;
using PSC8.Completion;
using PSC8.Engine;

namespace PSC8.Commands;

/// <summary>Remove-C8Index: drops indexes by name; indexes piped in from Get-C8Index say their own collection.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Index", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8IndexCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>Index names or ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Indexes from Get-C8Index.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Index[] InputObject { get; set; } = System.Array.Empty<C8Index>();

    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Remove without asking, whatever $ConfirmPreference says.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => RemoveInCollection(
        Collection,
        Name,
        InputObject,
        i => (i.Fabric, i.Collection, i.Name),
        Fabric,
        "Remove index",
        Force,
        (client, index, token) => client.Indexes.DeleteAsync(index.Fabric, index.Collection, index.Name, token));
}
