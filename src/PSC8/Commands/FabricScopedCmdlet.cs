namespace PSC8.Commands;

/// <summary>
/// A cmdlet that works on objects living in one fabric: -Fabric, also bound from a piped object's Fabric property
/// (rows of a CSV, or PSC8's own objects), falls back to where the piped object came from, then the connection's fabric.
/// </summary>
public abstract class FabricScopedCmdlet : C8ConnectedCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }
}
