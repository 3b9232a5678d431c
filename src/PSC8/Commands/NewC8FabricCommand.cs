using PSC8.Client.Errors;

namespace PSC8.Commands;

/// <summary>New-C8Fabric: creates a geo-fabric over the regions given, with a spot region chosen as asked.</summary>
[Cmdlet(VerbsCommon.New, "C8Fabric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8Fabric))]
public sealed class NewC8FabricCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The regions to replicate to (GDN's dcList); the serving region when omitted.</summary>
    [Parameter(Position = 1)]
    [Alias("DcList")]
    [ArgumentCompleter(typeof(RegionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Region { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(RegionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SpotDc { get; set; }

    [Parameter]
    public SpotCreationType? SpotCreationType { get; set; }

    [Parameter]
    [ValidateNotNull]
    public IDictionary? Metadata { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var options = new C8FabricCreateOptions { SpotRegion = SpotRegionChoice.Resolve(SpotCreationType, SpotDc) };
        foreach (var region in Region ?? System.Array.Empty<string>())
        {
            options.Regions.Add(region);
        }

        if (Metadata is not null)
        {
            options.Metadata = Json.ToObject(Metadata);
        }

        var session = Session;
        var regions = options.Regions.Count == 0 ? "the serving region" : string.Join(", ", options.Regions);
        if (!ShouldProcess(Where(Name, session), "Create fabric in " + regions + ", spot region " + options.SpotRegion))
        {
            return;
        }

        Await(token => session.Client.Fabrics.CreateAsync(Name, options, token));
        try
        {
            Emit(Await(token => session.Client.Fabrics.GetAsync(Name, token)), session);
        }
        catch (C8ApiException ex) when (ex.Category == C8ErrorMapping.Categories.PermissionDenied)
        {
            // An API key gets no access to a fabric it creates until it is granted, as in GDN.
            WriteWarning("Fabric '" + Name + "' was created, but this connection cannot read it until it is granted access (Set-C8AccessLevel).");
        }
    });
}
