namespace PSC8.Commands;

/// <summary>New-C8RestQL: saves a named query (RestQL query worker).</summary>
[Cmdlet(VerbsCommon.New, "C8RestQL", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8QueryWorker))]
public sealed class NewC8RestQLCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The C8QL text.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Query { get; set; } = string.Empty;

    /// <summary>Default values for the query's bind parameters.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Parameter { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        var definition = new C8QueryWorkerDefinition(Name, Query) { Parameter = Parameter is null ? null : Json.ToMap(Parameter) };
        if (ShouldProcess(Where(fabric + "/" + Name, session), "Save RestQL query"))
        {
            Emit(Await(token => session.Client.QueryWorkers.SaveAsync(fabric, definition, token)), session);
        }
    });
}
