namespace PSC8.Commands;

/// <summary>Get-C8Region: the regions of the federation (with their spot-capable flag), or the one serving the connection.</summary>
[Cmdlet(VerbsCommon.Get, "C8Region", DefaultParameterSetName = NameSet)]
[OutputType(typeof(C8Region))]
public sealed class GetC8RegionCommand : C8ConnectedCmdlet
{
    private const string NameSet = "Name";
    private const string LocalSet = "Local";

    [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RegionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = LocalSet)]
    public SwitchParameter Local { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        if (Local)
        {
            Emit(Await(token => session.Client.Regions.GetLocalAsync(token)), session);
            return;
        }

        var regions = Await(token => session.Client.Regions.ListAllAsync(token));
        Emit(Select(regions, Name, r => r.Name, "C8.RegionNotFound", "region"), session);
    });
}
