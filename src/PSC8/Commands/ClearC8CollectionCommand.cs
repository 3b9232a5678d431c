using System.Management.Automation;
using PSC8.Client.Models;

namespace PSC8.Commands;

/// <summary>Clear-C8Collection: removes every document of collections (truncate), keeping the collections.</summary>
[Cmdlet(VerbsCommon.Clear, "C8Collection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = CollectionTargets.NameSet)]
[OutputType(typeof(C8Collection))]
public sealed class ClearC8CollectionCommand : CollectionTargetCmdlet
{
    /// <summary>Return each collection after clearing it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var target in Targets)
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
