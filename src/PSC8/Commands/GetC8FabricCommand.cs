namespace PSC8.Commands;

/// <summary>Get-C8Fabric: fabrics by name (wildcards), or the connection's current fabric with its spot region.</summary>
[Cmdlet(VerbsCommon.Get, "C8Fabric", DefaultParameterSetName = NameSet)]
[OutputType(typeof(C8Fabric))]
public sealed class GetC8FabricCommand : C8ConnectedCmdlet
{
    private const string NameSet = "Name";
    private const string CurrentSet = "Current";

    [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>The fabric the connection uses by default (Connect-C8 -Fabric).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CurrentSet)]
    public SwitchParameter Current { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        if (Current)
        {
            Emit(Await(token => session.Client.Fabrics.GetAsync(null, token)), session);
            return;
        }

        var fabrics = Await(token => session.Client.Fabrics.ListAsync(token));
        Emit(Select(fabrics, Name, f => f.Name, "C8.FabricNotFound", "fabric"), session);
    });
}
