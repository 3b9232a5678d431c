namespace PSC8.Commands;

/// <summary>Remove-C8Index: drops indexes by name; indexes piped in from Get-C8Index say their own collection.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Index", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8IndexCommand : CollectionItemRemoveCmdlet<C8Index>
{
    /// <summary>Index names or ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    private protected override IEnumerable<string> Names => Name;

    private protected override string Action => "Remove index";

    private protected override (string Fabric, string Collection, string Name) Identify(C8Index item) => (item.Fabric, item.Collection, item.Name);

    private protected override Task RemoveAsync(C8Connection client, (string Fabric, string Collection, string Name) item, CancellationToken token) =>
        client.Indexes.DeleteAsync(item.Fabric, item.Collection, item.Name, token);
}
