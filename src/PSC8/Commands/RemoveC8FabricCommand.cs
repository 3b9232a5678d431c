using System.Linq;
using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Remove-C8Fabric: deletes fabrics with everything in them.</summary>
[Cmdlet(VerbsCommon.Remove, "C8Fabric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8FabricCommand : C8ConnectedCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Fabric[] InputObject { get; set; } = System.Array.Empty<C8Fabric>();

    /// <summary>Remove without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => ChangeEach(
        ParameterSetName == InputObjectSet ? InputObject.Select(f => f.Name) : Name,
        name => name,
        "Remove fabric and all its collections and data",
        Force,
        (name, token) => Client.Fabrics.DeleteAsync(name, token));
}
