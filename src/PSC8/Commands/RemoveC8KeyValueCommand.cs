namespace PSC8.Commands;

/// <summary>Remove-C8KeyValue: removes pairs by key; pairs piped in from Get-C8KeyValue say their own collection.</summary>
[Cmdlet(VerbsCommon.Remove, "C8KeyValue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8KeyValueCommand : CollectionItemRemoveCmdlet<C8KeyValuePair>
{
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = System.Array.Empty<string>();

    private protected override IEnumerable<string> Names => Key;

    private protected override string Action => "Remove key-value pair";

    private protected override (string Fabric, string Collection, string Name) Identify(C8KeyValuePair item) => (item.Fabric, item.Collection, item.Key);

    private protected override Task RemoveAsync(C8Connection client, (string Fabric, string Collection, string Name) item, CancellationToken token) =>
        client.KeyValues.RemoveAsync(item.Fabric, item.Collection, item.Name, token);
}
