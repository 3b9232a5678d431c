using System.Management.Automation;

namespace PSC8.Commands;

/// <summary>Remove-C8Collection: deletes collections with their documents.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = CollectionTargets.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8CollectionCommand : CollectionTargetCmdlet
{
    protected override void ProcessRecord() => ChangeEach(
        Targets,
        target => target.ToString(),
        "Remove collection and all its documents",
        Force,
        (target, token) => Client.Collections.DeleteAsync(target.Fabric, target.Name, target.Name.StartsWith("_", System.StringComparison.Ordinal), token));
}
