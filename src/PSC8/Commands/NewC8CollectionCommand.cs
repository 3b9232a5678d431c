namespace PSC8.Commands;

/// <summary>New-C8Collection: creates document or edge collections, optionally spot or local.</summary>
[Cmdlet(VerbsCommon.New, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8Collection))]
public sealed class NewC8CollectionCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>A spot collection: every read and write runs in the fabric's spot region (strong consistency).</summary>
    [Parameter]
    public SwitchParameter Spot { get; set; }

    /// <summary>A local collection: its data never leaves the region that created it.</summary>
    [Parameter]
    public SwitchParameter Local { get; set; }

    /// <summary>An edge collection (documents with _from and _to).</summary>
    [Parameter]
    public SwitchParameter Edge { get; set; }

    /// <summary>Also create the collection's stream.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

    [Parameter]
    [ValidateSet("traditional", "autoincrement", "padded", "uuid", IgnoreCase = true)]
    public string? KeyGenerator { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            Attempt(name, () =>
            {
                var session = Session;
                var fabric = FabricFor(Fabric, null, session);
                var options = CollectionOptions.Create(Spot, Local, Edge, Stream, KeyGenerator);
                var kind = options.IsSpot ? "spot " : options.IsLocal ? "local " : string.Empty;
                if (ShouldProcess(Where(fabric + "/" + name, session), "Create " + kind + "collection"))
                {
                    Emit(Await(token => session.Client.Collections.CreateAsync(fabric, name, options, token)), session);
                }
            });
        }
    }
}
