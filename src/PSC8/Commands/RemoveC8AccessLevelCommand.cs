namespace PSC8.Commands;

/// <summary>
/// Remove-C8AccessLevel: removes an API key's or user's explicit level on a fabric or collection, so the default
/// applies again.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "C8AccessLevel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AccessSets.ApiKey)]
[OutputType(typeof(void))]
public sealed class RemoveC8AccessLevelCommand : AccessChangeCmdlet
{
    protected override void ProcessRecord() => Attempt(ApiKeyId ?? User, () =>
    {
        var session = Session;
        var subject = Subject;
        if (ShouldProcess(Described(session), "Remove access level"))
        {
            Await(token => AccessLevels.ClearAsync(session.Client, subject, Fabric, Collection, token));
        }
    });
}
