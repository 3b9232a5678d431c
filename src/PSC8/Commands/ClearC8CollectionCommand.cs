namespace PSC8.Commands;

/// <summary>Clear-C8Collection: removes every document of collections (truncate), keeping the collections.</summary>
[Cmdlet(VerbsCommon.Clear, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(C8Collection))]
public sealed class ClearC8CollectionCommand : CollectionTargetCmdlet
{
    /// <summary>Return each collection after clearing it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ChangeEach(
        Targets,
        "Remove all documents",
        Force,
        (target, client, token) => client.Collections.TruncateAsync(target.Fabric, target.Name, token),
        PassThru ? async (target, client, token) => await client.Collections.GetAsync(target.Fabric, target.Name, true, token).ConfigureAwait(false) : null);
}
