using System.Management.Automation;
using PSC8.Client.Batching;
using PSC8.Client.Json;
using PSC8.Client.Models;
using PSC8.Completion;
using PSC8.Engine;
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
public sealed class AddC8DocumentCommand : C8ConnectedCmdlet
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

    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

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
        _batches = new DocumentBatches<PendingDocument>((session, fabric, collection) => new DocumentBatch<PendingDocument>(
            session,
            fabric,
            collection,
            "POST",
            "Adding documents to " + fabric + "/" + collection,
            new DocumentBatcher<PendingDocument>(BatchSize, async (batch, token) =>
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
            serializes: true));
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
            AddTo(batch, new PendingDocument(InputObject, buffer, index), pending => pending.Source, Stored);
        }
    });

    protected override void EndProcessing() => FlushAll(_batches!, pending => pending.Source, Stored);

    private System.Action<C8DocumentResult, C8Session>? Stored => PassThru
        ? (result, session) => Emit(JsonObjects.Header(result, PSObjectBuilder.Instance), session)
        : null;

    /// <summary>A document waiting for its bulk request: the input it came from (the target of its error) and where it is serialised.</summary>
    private sealed class PendingDocument
    {
        public PendingDocument(object? source, JsonItemBuffer buffer, int index)
        {
            Source = source;
            Buffer = buffer;
            Index = index;
        }

        public object? Source { get; }

        public JsonItemBuffer Buffer { get; }

        public int Index { get; }
    }
}
