using System.Linq;
using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Remove-C8RestQL: deletes saved queries.</summary>
[Cmdlet(VerbsCommon.Remove, "C8RestQL", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8RestQLCommand : C8ConnectedCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RestQLNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8QueryWorker[] InputObject { get; set; } = System.Array.Empty<C8QueryWorker>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    protected override void ProcessRecord()
    {
        var fabric = Fabric ?? Session.Fabric;
        var targets = ParameterSetName == InputObjectSet
            ? InputObject.Select(w => (Fabric: string.IsNullOrEmpty(w.Fabric) ? fabric : w.Fabric, w.Name))
            : Name.Select(n => (Fabric: fabric, Name: n));
        ChangeEach(targets, t => t.Fabric + "/" + t.Name, "Remove RestQL query", force: false, (t, token) => Client.QueryWorkers.DeleteAsync(t.Fabric, t.Name, token));
    }
}
