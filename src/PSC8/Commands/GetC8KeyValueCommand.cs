using PSC8.Client.Apis;

namespace PSC8.Commands;

/// <summary>
/// Get-C8KeyValue: reads pairs of a key-value collection by key (keys may come from the pipeline); with no key, streams
/// every pair page by page, so Select-Object -First stops fetching.
/// </summary>
[Cmdlet(VerbsCommon.Get, "C8KeyValue")]
[OutputType(typeof(C8KeyValuePair))]
public sealed class GetC8KeyValueCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>The keys; every pair of the collection when omitted.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[]? Key { get; set; }

    /// <summary>Pairs per request when reading the whole collection.</summary>
    [Parameter]
    [ValidateRange(1, KeyValueApi.MaxPage)]
    public int PageSize { get; set; } = KeyValueApi.MaxPage;

    protected override void ProcessRecord()
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        if (Key is null)
        {
            Attempt(Collection, () => EmitAll(session, fabric));
            return;
        }

        foreach (var key in Key)
        {
            Attempt(key, () =>
            {
                if (Await(token => session.Client.KeyValues.GetAsync(fabric, Collection, key, token)) is { } pair)
                {
                    Emit(pair, session, fabric);
                    return;
                }

                var error = C8CommandException.NotFound("C8.KeyValueNotFound", "key-value pair in '" + Collection + "'", key);
                WriteError(new ErrorRecord(error, error.ErrorId, ErrorCategory.ObjectNotFound, key));
            });
        }
    }

    private void EmitAll(C8Session session, string fabric)
    {
        // Pages by offset, as the service does; a pair written or removed meanwhile can shift what a later page holds.
        for (long offset = 0; ; offset += PageSize)
        {
            var page = Await(token => session.Client.KeyValues.GetPageAsync(fabric, Collection, null, offset, PageSize, token));
            foreach (var pair in page)
            {
                Emit(pair, session, fabric);
            }

            if (page.Count < PageSize)
            {
                return;
            }
        }
    }
}
