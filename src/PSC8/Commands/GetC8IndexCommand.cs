namespace PSC8.Commands;

/// <summary>Get-C8Index: a collection's indexes, the primary index first, by name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "C8Index")]
[OutputType(typeof(C8Index))]
public sealed class GetC8IndexCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>Index names; every index of the collection when omitted.</summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord() => Attempt(Collection, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        var all = Await(token => session.Client.Indexes.ListAsync(fabric, Collection, token));
        Emit(Select(all, Name, i => i.Name, "C8.IndexNotFound", "index on '" + Collection + "'"), session, fabric);
    });
}
