using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Remove-C8Collection: deletes collections with their documents.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = CollectionTargets.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8CollectionCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CollectionTargets.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = CollectionTargets.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Collection[] InputObject { get; set; } = System.Array.Empty<C8Collection>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Remove without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => ChangeEach(
        CollectionTargets.Of(ParameterSetName, Name, InputObject, Fabric ?? Session.Fabric),
        target => target.ToString(),
        "Remove collection and all its documents",
        Force,
        (target, token) => Client.Collections.DeleteAsync(target.Fabric, target.Name, target.Name.StartsWith("_", System.StringComparison.Ordinal), token));
}
