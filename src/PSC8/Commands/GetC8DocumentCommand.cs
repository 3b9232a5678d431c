namespace PSC8.Commands;

/// <summary>
/// Get-C8Document: reads documents by key (keys may come from the pipeline, e.g. from other documents); with no key,
/// streams every document of the collection page by page.
/// </summary>
[Cmdlet(VerbsCommon.Get, "C8Document")]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class GetC8DocumentCommand : RecordCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>The documents' keys; every document of the collection when omitted.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[]? Key { get; set; }

    /// <summary>Documents per page when reading the whole collection; by default 1000, the most GDN allows (fewer only mean more requests).</summary>
    [Parameter]
    [ValidateRange(1, CursorPages.PageSize)]
    public int BatchSize { get; set; } = CursorPages.PageSize;

    /// <summary>Return each document as the server's JSON text instead of an object.</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override void ProcessRecord()
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        if (Key is null)
        {
            Attempt(Collection, () =>
            {
                var all = new C8Query("FOR d IN @@collection RETURN d") { BatchSize = BatchSize, Stream = true };
                all.BindVars["@collection"] = Collection;
                EmitCursor(Await(token => session.Client.Queries.OpenAsync(fabric, all, false, token)), "Get-C8Document " + Collection, AsJson, session, fabric);
            });
            return;
        }

        foreach (var key in Key)
        {
            Attempt(key, () =>
            {
                if (Await(token => session.Client.Documents.GetAsync(fabric, Collection, key, null, token)) is System.Text.Json.JsonElement document)
                {
                    EmitRow(document, AsJson, session, fabric);
                }
            });
        }
    }
}
