namespace PSC8.Commands;

/// <summary>
/// New-C8Index: creates an index on a collection. Asking again for an index that exists is no error: the server
/// answers with the existing one (IsNewlyCreated false), so scripts can run it on every deployment.
/// </summary>
[Cmdlet(VerbsCommon.New, "C8Index", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8Index))]
public sealed class NewC8IndexCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>The kind of index.</summary>
    [Parameter]
    [ValidateSet("Persistent", "Ttl", "Geo", "Fulltext")]
    public string Type { get; set; } = "Persistent";

    /// <summary>The attribute paths to index.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Fields")]
    [ValidateNotNullOrEmpty]
    public string[] Field { get; set; } = System.Array.Empty<string>();

    /// <summary>No two documents may share the indexed values.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter Unique { get; set; }

    /// <summary>Leave out documents that lack an indexed attribute.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter Sparse { get; set; }

    /// <summary>For a TTL index: seconds after the attribute's time when a document expires.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, int.MaxValue)]
    public int? ExpireAfter { get; set; }

    /// <summary>The index name; the server picks one when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Write the index (new or existing) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Attempt(Collection, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        var definition = new C8IndexDefinition
        {
            Type = Type.ToLowerInvariant(),
            Fields = Field,
            Unique = Unique,
            Sparse = Sparse,
            ExpireAfter = ExpireAfter,
            Name = Name,
        };
        var described = Type.ToLowerInvariant() + (Unique ? " unique" : string.Empty) + " index on " + string.Join(", ", Field);
        if (!ShouldProcess(Where(fabric + "/" + Collection, session), "Create " + described))
        {
            return;
        }

        var index = Await(token => session.Client.Indexes.CreateAsync(fabric, Collection, definition, token));
        if (!index.IsNewlyCreated)
        {
            Note("The " + described + " exists already as '" + index.Name + "'; nothing was changed.");
        }

        if (PassThru)
        {
            Emit(index, session, fabric);
        }
    });
}
