using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Get-C8Collection: collections by name (wildcards), with their spot/local flags and document count.</summary>
[Cmdlet(VerbsCommon.Get, "C8Collection")]
[OutputType(typeof(C8Collection))]
public sealed class GetC8CollectionCommand : C8ConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Include system collections (names starting with _).</summary>
    [Parameter]
    public SwitchParameter IncludeSystem { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var all = Await(token => Client.Collections.ListAsync(Fabric, !IncludeSystem, false, token));
        foreach (var match in Select(all, Name, c => c.Name, "C8.CollectionNotFound", "collection"))
        {
            // Counting costs a request per collection, so only the collections asked for are counted.
            Attempt(match.Name, () => WriteObject(Await(token => Client.Collections.GetAsync(match.Fabric, match.Name, true, token))));
        }
    });
}
