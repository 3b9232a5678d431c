namespace PSC8.Commands;

/// <summary>Remove-C8User: deletes users; the root user cannot be removed.</summary>
[Cmdlet(VerbsCommon.Remove, "C8User", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveC8UserCommand : UserTargetCmdlet
{
    protected override void ProcessRecord() => ChangeEach(Targets, "Remove user", force: false, (target, client, token) => client.Users.DeleteAsync(target.Name, token));
}
