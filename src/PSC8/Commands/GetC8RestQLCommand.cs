namespace PSC8.Commands;

/// <summary>Get-C8RestQL: saved queries (RestQL query workers) by name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "C8RestQL")]
[OutputType(typeof(C8QueryWorker))]
public sealed class GetC8RestQLCommand : FabricScopedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RestQLNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        var workers = Await(token => session.Client.QueryWorkers.ListAsync(FabricFor(Fabric, null, session), token));
        Emit(Select(workers, Name, w => w.Name, "C8.QueryWorkerNotFound", "RestQL query worker"), session);
    });
}
