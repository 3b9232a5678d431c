namespace PSC8.Commands;

/// <summary>Remove-C8RestQL: deletes saved queries.</summary>
[Cmdlet(VerbsCommon.Remove, "C8RestQL", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8RestQLCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RestQLNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8QueryWorker[] InputObject { get; set; } = System.Array.Empty<C8QueryWorker>();

    protected override void ProcessRecord() => ChangeEach(
        ChangeTarget.Of(ParameterSetName, Name, InputObject, w => (w.Fabric, w.Name), FabricFor(Fabric, null, Session)),
        "Remove RestQL query",
        force: false,
        (target, client, token) => client.QueryWorkers.DeleteAsync(target.Fabric, target.Name, token));
}
