namespace PSC8.Commands;

/// <summary>Remove-C8Collection: deletes collections with their documents.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8CollectionCommand : CollectionTargetCmdlet
{
    protected override void ProcessRecord() => ChangeEach(
        Targets,
        "Remove collection and all its documents",
        Force,
        (target, client, token) => client.Collections.DeleteAsync(target.Fabric, target.Name, target.Name.StartsWith("_", System.StringComparison.Ordinal), token));
}
