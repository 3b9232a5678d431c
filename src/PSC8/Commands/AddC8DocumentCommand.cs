using PSC8.Client.Batching;
using PSC8.Client.Json;
using PSC8.Json;
using PSC8.Sessions;

namespace PSC8.Commands;

/// <summary>
/// Add-C8Document: inserts pipeline input (hashtables, objects, JSON text) in bulk requests of -BatchSize documents;
/// a document the server rejects is a non-terminating error about that input, the others are stored. Each document is
/// serialised once, when it arrives, straight into its batch's buffer.
/// </summary>
[Cmdlet(VerbsCommon.Add, "C8Document", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class AddC8DocumentCommand : RecordCmdlet
{
    private readonly JsonValueWriter _writer = Json.NewWriter();
    private DocumentBatches<PendingDocument>? _batches;

    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>A document: a hashtable, an object, or JSON text of an object or of an array of objects.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Document")]
    public object? InputObject { get; set; }

    /// <summary>Documents per request.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>What happens when a document's _key exists: Ignore keeps the stored one, Replace and Update overwrite it, Conflict (the default) fails.</summary>
    [Parameter]
    public C8OverwriteMode? OverwriteMode { get; set; }

    /// <summary>Return _id, _key and _rev of each stored document.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var options = new C8InsertOptions { OverwriteMode = OverwriteMode };
        _batches = new DocumentBatches<PendingDocument>(
            "POST",
            "Adding documents to",
            (session, fabric, collection) => new DocumentBatcher<PendingDocument>(BatchSize, async (batch, token) =>
            {
                try
                {
                    return await session.Client.Documents.InsertManyAsync(fabric, collection, batch, (writer, pending) => pending.Buffer.WriteTo(writer, pending.Index), options, token).ConfigureAwait(false);
                }
                finally
                {
                    batch[0].Buffer.Clear();
                }
            }),
            pending => pending.Source,
            PassThru ? (item, session) => Emit(Written(item), session, item.Input.Fabric) : null,
            serializes: true);
    }

    protected override void ProcessRecord() => Attempt(InputObject, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, InputObject, session);
        foreach (var document in Json.Documents(InputObject))
        {
            if (ShouldProcessMatters && !ShouldProcess(Where(fabric + "/" + Collection + "/" + (Json.KeyOf(document) ?? "(new key)"), session), "Add document"))
            {
                continue;
            }

            var batch = _batches!.For(session, fabric, Collection);
            var buffer = batch.Serialized!;
            var index = buffer.Add(json => DocumentJson.WriteDocument(_writer, json, document));
            AddTo(batch, new PendingDocument(InputObject, document, fabric, Collection, buffer, index));
        }
    });

    protected override void EndProcessing() => FlushAll(_batches!);

    /// <summary>What -PassThru writes for a document: its header as stored, or for one skipped, the key it has.</summary>
    private static PSObject Written(C8BatchItem<PendingDocument> item)
    {
        var result = item.Result!;
        if (!result.Skipped)
        {
            return JsonObjects.Header(result, PSObjectBuilder.Instance);
        }

        var key = Json.KeyOf(item.Input.Document);
        return JsonObjects.Skipped(item.Input.Collection + "/" + key, key, PSObjectBuilder.Instance);
    }

    /// <summary>
    /// A document waiting for its bulk request: the input it came from (the target of its error), the document, where
    /// it goes and where it is serialised.
    /// </summary>
    private sealed class PendingDocument(object? source, object document, string fabric, string collection, JsonItemBuffer buffer, int index)
    {
        public object? Source { get; } = source;

        public object Document { get; } = document;

        public string Fabric { get; } = fabric;

        public string Collection { get; } = collection;

        public JsonItemBuffer Buffer { get; } = buffer;

        public int Index { get; } = index;
    }
}
