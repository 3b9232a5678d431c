namespace PSC8.Commands;

/// <summary>
/// The parameters of a change aimed at whole collections — by name (wildcards resolved per fabric) or as objects from
/// Get-C8Collection — shared so that Clear-C8Collection and Remove-C8Collection bind alike.
/// </summary>
public abstract class CollectionTargetCmdlet : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Collection[] InputObject { get; set; } = System.Array.Empty<C8Collection>();

    /// <summary>Go ahead without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    internal IEnumerable<ChangeTarget> Targets => ChangeTarget.Of(ParameterSetName, Name, InputObject, c => (c.Fabric, c.Name), FabricFor(Fabric, null, Session));
}
