namespace PSC8.Commands;

/// <summary>
/// Invoke-C8Query: runs C8QL and streams the rows page by page as the server cursor delivers them; a pipeline that
/// stops early (Select-Object -First) fetches no further page and the cursor is deleted.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "C8Query", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeC8QueryCommand : RecordCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string Query { get; set; } = string.Empty;

    /// <summary>Values for @name (and @@collection) placeholders.</summary>
    [Parameter(Position = 1)]
    [Alias("BindVars")]
    [ValidateNotNull]
    public IDictionary? BindVariable { get; set; }

    /// <summary>Rows per page fetched from the server cursor; by default 1000, the most GDN allows (fewer only mean more requests).</summary>
    [Parameter]
    [ValidateRange(1, CursorPages.PageSize)]
    public int BatchSize { get; set; } = CursorPages.PageSize;

    /// <summary>Ask the server for the total number of rows (shown in Verbose output and as progress).</summary>
    [Parameter]
    public SwitchParameter Count { get; set; }

    /// <summary>Return each row as the server's JSON text instead of an object.</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override void ProcessRecord() => Attempt(Query, () =>
    {
        // A streaming cursor lets the server produce rows as they are read instead of holding the whole result;
        // it cannot count them in advance, so -Count asks for a materialised one.
        var query = new C8Query(Query) { BatchSize = BatchSize, Count = Count, Stream = Count ? null : true };
        foreach (var variable in Json.ToMap(BindVariable))
        {
            query.BindVars[variable.Key] = variable.Value;
        }

        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        if (ShouldProcess(Where("fabric " + fabric, session), "Run query: " + Query))
        {
            EmitCursor(Await(token => session.Client.Queries.OpenAsync(fabric, query, false, token)), "Invoke-C8Query", AsJson, session, fabric);
        }
    });
}
