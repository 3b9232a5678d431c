namespace PSC8.Commands;

/// <summary>
/// A cmdlet whose pipeline carries records (documents, key-value pairs, query rows): -Fabric is only ever given by
/// name, never bound from a record's own Fabric field, which is the user's data.
/// </summary>
public abstract class RecordCmdlet : C8ConnectedCmdlet
{
    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }
}
