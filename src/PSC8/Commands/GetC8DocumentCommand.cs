using System.Management.Automation;

namespace PSC8.Commands;

/// <summary>Get-C8Document: reads documents by key (keys may come from the pipeline, e.g. from other documents).</summary>
[Cmdlet(VerbsCommon.Get, "C8Document")]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class GetC8DocumentCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = System.Array.Empty<string>();

    [Parameter]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Return each document as the server's JSON text instead of an object.</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var key in Key)
        {
            Attempt(key, () =>
            {
                if (Await(token => Client.Documents.GetAsync(Fabric, Collection, key, null, token)) is System.Text.Json.JsonElement document)
                {
                    WriteRow(document, AsJson);
                }
            });
        }
    }
}
