using PSC8.Client.Batching;

namespace PSC8.Commands;

/// <summary>
/// Remove-C8Document: deletes documents by key in bulk requests; a key that is not there is a non-terminating error.
/// Documents piped in (from Get-C8Document or Invoke-C8Query) say their own collection and key.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "C8Document", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveC8DocumentCommand : RecordCmdlet
{
    private DocumentBatches<string>? _batches;

    /// <summary>The collection; taken from the _id of documents piped in when omitted.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Collection { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = System.Array.Empty<string>();

    /// <summary>Remove only documents that still have this _rev.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Revision { get; set; }

    /// <summary>Keys per request.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int BatchSize { get; set; } = 500;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var revision = Revision;
        var options = new C8DeleteOptions { IgnoreRevs = revision is null ? null : false };
        _batches = new DocumentBatches<string>(
            "DELETE",
            "Removing documents from",
            (session, fabric, collection) => new DocumentBatcher<string>(BatchSize, (batch, token) =>
                session.Client.Documents.DeleteManyAsync(fabric, collection, batch, (writer, key) =>
                {
                    if (revision is null)
                    {
                        writer.WriteStringValue(key);
                        return;
                    }

                    writer.WriteStartObject();
                    writer.WriteString("_key", key);
                    writer.WriteString("_rev", revision);
                    writer.WriteEndObject();
                }, options, token)),
            key => key,
            null);
    }

    protected override void ProcessRecord()
    {
        foreach (var key in Key)
        {
            Attempt(key, () =>
            {
                var session = Session;
                var fabric = FabricFor(Fabric, null, session);
                var collection = DocumentAddress.Collection(Collection, PipelineInput);
                if (!ShouldProcessMatters || ShouldProcess(Where(fabric + "/" + collection + "/" + key, session), "Remove document"))
                {
                    AddTo(_batches!.For(session, fabric, collection), key);
                }
            });
        }
    }

    protected override void EndProcessing() => FlushAll(_batches!);
}
