namespace PSC8.Commands;

/// <summary>Set-C8RestQL: changes a saved query's text or default parameters.</summary>
[Cmdlet(VerbsCommon.Set, "C8RestQL", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType(typeof(C8QueryWorker))]
public sealed class SetC8RestQLCommand : FabricScopedCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RestQLNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8QueryWorker? InputObject { get; set; }

    /// <summary>The new C8QL text; unchanged when omitted.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    /// <summary>The new default parameters; unchanged when omitted.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Parameter { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var name = InputObject?.Name ?? Name;
        Attempt(name, () =>
        {
            var session = SessionFor(InputObject);
            var fabric = FabricFor(Fabric, InputObject, session);
            var parameters = Parameter is null ? null : Json.ToMap(Parameter);
            var current = QueryWorkerChange.NeedsCurrent(Query, parameters)
                ? InputObject ?? Await(token => session.Client.QueryWorkers.ListAsync(fabric, token)).FirstOrDefault(w => w.Name == name)
                : null;
            var definition = QueryWorkerChange.Definition(name, Query, parameters, current);
            if (!ShouldProcess(Where(fabric + "/" + name, session), "Change RestQL query"))
            {
                return;
            }

            var changed = Await(token => session.Client.QueryWorkers.UpdateAsync(fabric, definition, token));
            if (PassThru)
            {
                Emit(changed, session);
            }
        });
    }
}
