namespace PSC8.Commands;

/// <summary>
/// Get-C8Collection: collections by name (wildcards), with their spot/local flags and document count; a fabric piped
/// in (from Get-C8Fabric) lists that fabric's collections.
/// </summary>
[Cmdlet(VerbsCommon.Get, "C8Collection")]
[OutputType(typeof(C8Collection))]
public sealed class GetC8CollectionCommand : FabricScopedCmdlet
{
    private bool _namesGiven;

    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Include system collections (names starting with _).</summary>
    [Parameter]
    public SwitchParameter IncludeSystem { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // Only what the command line gave is bound yet: names that come later come from the pipeline.
        _namesGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Name));
    }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);

        // A fabric piped in also binds to -Name as its text; it asks for that fabric's collections, not for a name.
        var names = PipelineInput?.BaseObject is C8Fabric && !_namesGiven ? null : Name;
        var all = Await(token => session.Client.Collections.ListAsync(fabric, !IncludeSystem, false, token));
        foreach (var match in Select(all, names, c => c.Name, "C8.CollectionNotFound", "collection"))
        {
            // Counting costs a request per collection, so only the collections asked for are counted.
            Attempt(match.Name, () => Emit(Await(token => session.Client.Collections.GetAsync(match.Fabric, match.Name, true, token)), session));
        }
    });
}
