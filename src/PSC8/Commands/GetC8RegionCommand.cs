using System.Management.Automation;
using PSC8.Client.Models;

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
        if (Local)
        {
            WriteObject(Await(token => Client.Regions.GetLocalAsync(token)));
            return;
        }

        var regions = Await(token => Client.Regions.ListAllAsync(token));
        WriteObject(Select(regions, Name, r => r.Name, "C8.RegionNotFound", "region"), enumerateCollection: true);
    });
}
