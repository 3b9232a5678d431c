namespace PSC8.Commands;

/// <summary>Set-C8AccessLevel: grants an API key or user rw, ro or none on a fabric or one of its collections.</summary>
[Cmdlet(VerbsCommon.Set, "C8AccessLevel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AccessSets.ApiKey)]
[OutputType(typeof(C8AccessLevelInfo))]
public sealed class SetC8AccessLevelCommand : AccessChangeCmdlet
{
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
        var subject = Subject;
        if (ShouldProcess(Described(session), "Set access level " + Level))
        {
            var granted = Await(token => AccessLevels.SetAsync(session.Client, subject, Fabric, Collection, Level, token));
            if (PassThru)
            {
                Emit(granted, session);
            }
        }
    });
}
