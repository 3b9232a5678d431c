namespace PSC8.Commands;

/// <summary>Remove-C8Fabric: deletes fabrics with everything in them.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Fabric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8FabricCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Fabric[] InputObject { get; set; } = System.Array.Empty<C8Fabric>();

    /// <summary>Remove without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => ChangeEach(
        ChangeTarget.Of(ParameterSetName, Name, InputObject, f => (null, f.Name), null),
        "Remove fabric and all its collections and data",
        Force,
        (target, client, token) => client.Fabrics.DeleteAsync(target.Name, token));
}
