using System.Collections.Generic;
using System.Management.Automation;
using PSC8.Client.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Remove-C8Document: deletes documents by key in bulk requests; a key that is not there is a non-terminating error.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Document", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveC8DocumentCommand : C8ConnectedCmdlet
{
    private DocumentBatcher<string>? _batcher;
    private BatchRequest? _request;

    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = System.Array.Empty<string>();

    /// <summary>Remove only documents that still have this _rev.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Revision { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Keys per request.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int BatchSize { get; set; } = 500;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var fabric = Fabric ?? Session.Fabric;
        var revision = Revision;
        var options = new C8DeleteOptions { IgnoreRevs = revision is null ? null : false };
        _request = new BatchRequest("DELETE", fabric, Collection, "Removing documents from " + fabric + "/" + Collection);
        _batcher = new DocumentBatcher<string>(BatchSize, (batch, token) =>
            Client.Documents.DeleteManyAsync(fabric, Collection, batch, (writer, key) =>
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
            }, options, token));
    }

    protected override void ProcessRecord()
    {
        foreach (var key in Key)
        {
            Attempt(key, () =>
            {
                if (ShouldProcess(Collection + "/" + key, "Remove document"))
                {
                    WriteResults(Await(token => _batcher!.AddAsync(key, token)));
                }
            });
        }
    }

    protected override void EndProcessing()
    {
        Attempt(Collection, () => WriteResults(Await(token => _batcher!.FlushAsync(token))));
        CompleteProgress(_request!);
    }

    private void WriteResults(IReadOnlyList<C8BatchItem<string>> items) =>
        WriteBatchResults(_batcher!, items, _request!, key => key, null);
}
