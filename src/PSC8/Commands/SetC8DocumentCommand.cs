using PSC8.Json;

namespace PSC8.Commands;

/// <summary>Set-C8Document: merges attributes into documents, or replaces them with -Replace; -Revision makes it conditional.</summary>
[Cmdlet(VerbsCommon.Set, "C8Document", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetC8DocumentCommand : RecordCmdlet
{
    /// <summary>The collection; taken from the document's _id when omitted.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Collection { get; set; }

    /// <summary>The new content or the attributes to merge: a hashtable, an object or JSON text.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Document")]
    public object? InputObject { get; set; }

    /// <summary>The document to change; taken from the input's _key when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    /// <summary>Replace the whole document instead of merging into it.</summary>
    [Parameter]
    public SwitchParameter Replace { get; set; }

    /// <summary>Change the document only if it still has this _rev; otherwise fail with C8.PreconditionFailed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Revision { get; set; }

    /// <summary>Return the document as stored after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Attempt(InputObject, () =>
    {
        var documents = Json.ToDocuments(InputObject);
        if (Key is not null && documents.Count > 1)
        {
            throw C8CommandException.InvalidArgument("C8.KeyWithManyDocuments", "-Key names one document, but the input holds " + documents.Count + ".");
        }

        var session = SessionFor(InputObject);
        var fabric = FabricFor(Fabric, InputObject, session);
        foreach (var document in documents)
        {
            var collection = DocumentAddress.Collection(Collection, document);
            var key = DocumentAddress.Key(Key, document);
            if (!ShouldProcess(Where(fabric + "/" + collection + "/" + key, session), Replace ? "Replace document" : "Update document"))
            {
                continue;
            }

            var returnNew = PassThru ? true : (bool?)null;
            var result = Replace
                ? Await(token => session.Client.Documents.ReplaceAsync(fabric, collection, key, document, new C8ReplaceOptions { IfMatch = Revision, ReturnNew = returnNew }, token))
                : Await(token => session.Client.Documents.UpdateAsync(fabric, collection, key, document, new C8UpdateOptions { IfMatch = Revision, ReturnNew = returnNew }, token));
            if (PassThru)
            {
                Emit(result.New is System.Text.Json.JsonElement stored ? JsonObjects.ToRow(stored, PSObjectBuilder.Instance) : JsonObjects.Header(result, PSObjectBuilder.Instance), session);
            }
        }
    });
}
