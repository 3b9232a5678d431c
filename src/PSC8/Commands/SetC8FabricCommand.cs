namespace PSC8.Commands;

/// <summary>Set-C8Fabric: moves a fabric's spot region and replaces or merges its metadata.</summary>
[Cmdlet(VerbsCommon.Set, "C8Fabric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType(typeof(C8Fabric))]
public sealed class SetC8FabricCommand : C8ConnectedCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    /// <summary>The fabric; the connection's fabric when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Fabric? InputObject { get; set; }

    /// <summary>The new spot region.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SpotDc { get; set; }

    [Parameter]
    [ValidateNotNull]
    public IDictionary? Metadata { get; set; }

    /// <summary>Merge -Metadata into the existing metadata instead of replacing it.</summary>
    [Parameter]
    public SwitchParameter Merge { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var session = SessionFor(InputObject);
        var name = InputObject?.Name ?? Name ?? session.Fabric;
        Attempt(name, () =>
        {
            if (SpotDc is null && Metadata is null)
            {
                throw C8CommandException.InvalidArgument("C8.NothingToChange", "Give -SpotDc, -Metadata or both.");
            }

            if (SpotDc is not null && ShouldProcess(Where(name, session), "Move spot region to " + SpotDc))
            {
                Await(token => session.Client.Fabrics.SetSpotRegionAsync(name, SpotDc, token));
            }

            if (Metadata is not null)
            {
                var metadata = Json.ToObject(Metadata);
                if (ShouldProcess(Where(name, session), Merge ? "Merge metadata" : "Replace metadata"))
                {
                    Await(token => Merge
                        ? session.Client.Fabrics.UpdateMetadataAsync(name, metadata, token)
                        : session.Client.Fabrics.SetMetadataAsync(name, metadata, token));
                }
            }

            if (PassThru)
            {
                Emit(Await(token => session.Client.Fabrics.GetAsync(name, token)), session);
            }
        });
    }
}
