namespace PSC8.Commands;

/// <summary>Invoke-C8RestQL: runs a saved query and streams its rows page by page (restql/fetch).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "C8RestQL", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeC8RestQLCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RestQLNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Values for the query's bind parameters (overriding the saved defaults).</summary>
    [Parameter(Position = 1)]
    [Alias("BindVars")]
    [ValidateNotNull]
    public IDictionary? BindVariable { get; set; }

    /// <summary>Rows per page fetched from the server cursor; by default 1000, the most GDN allows (fewer only mean more requests).</summary>
    [Parameter]
    [ValidateRange(1, CursorPages.PageSize)]
    public int BatchSize { get; set; } = CursorPages.PageSize;

    /// <summary>Return each row as the server's JSON text instead of an object.</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        var bindVars = Json.ToMap(BindVariable);
        if (ShouldProcess(Where(fabric + "/" + Name, session), "Run RestQL query"))
        {
            EmitCursor(Await(token => session.Client.QueryWorkers.ExecuteAsync(fabric, Name, bindVars, BatchSize, token)), "Invoke-C8RestQL " + Name, AsJson, session, fabric);
        }
    });
}
