using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Clear-C8Collection: removes every document of collections (truncate), keeping the collections.</summary>
[Cmdlet(VerbsCommon.Clear, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = CollectionTargets.NameSet)]
[OutputType(typeof(C8Collection))]
public sealed class ClearC8CollectionCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CollectionTargets.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = CollectionTargets.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Collection[] InputObject { get; set; } = System.Array.Empty<C8Collection>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>Clear without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Return each collection after clearing it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var target in CollectionTargets.Of(ParameterSetName, Name, InputObject, Fabric ?? Session.Fabric))
        {
            Attempt(target.Name, () =>
            {
                if (!ShouldChange(target.ToString(), "Remove all documents", Force))
                {
                    return;
                }

                Await(token => Client.Collections.TruncateAsync(target.Fabric, target.Name, token));
                if (PassThru)
                {
                    WriteObject(Await(token => Client.Collections.GetAsync(target.Fabric, target.Name, true, token)));
                }
            });
        }
    }
}
