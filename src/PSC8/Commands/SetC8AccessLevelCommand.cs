using System.Management.Automation;
using PSC8.Completion;
using PSC8.Engine;

namespace PSC8.Commands;

/// <summary>Set-C8AccessLevel: grants an API key or user rw, ro or none on a fabric or one of its collections.</summary>
[Cmdlet(VerbsCommon.Set, "C8AccessLevel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AccessSets.ApiKey)]
[OutputType(typeof(C8AccessLevelInfo))]
public sealed class SetC8AccessLevelCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccessSets.ApiKey, ValueFromPipelineByPropertyName = true)]
    [Alias("KeyId")]
    [ValidateNotNullOrEmpty]
    public string? ApiKeyId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessSets.User)]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Fabric { get; set; } = string.Empty;

    /// <summary>A collection of -Fabric, or * for the default of its collections; the fabric itself when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    public string? Collection { get; set; }

    /// <summary>rw (read and write; administer on fabrics), ro (read only) or none.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateSet("rw", "ro", "none")]
    public string Level { get; set; } = string.Empty;

    /// <summary>Return the level the server reports after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Attempt(ApiKeyId ?? User, () =>
    {
        var session = Session;
        var subject = AccessLevels.Subject(ApiKeyId, User);
        var where = string.IsNullOrEmpty(Collection) ? "fabric " + Fabric : "collection " + Fabric + "/" + Collection;
        if (ShouldProcess(Where(subject + " for " + where, session), "Set access level " + Level))
        {
            var granted = Await(token => AccessLevels.SetAsync(session.Client, subject, Fabric, Collection, Level, token));
            if (PassThru)
            {
                Emit(granted, session);
            }
        }
    });
}
