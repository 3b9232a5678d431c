using System.Security;

namespace PSC8.Commands;

/// <summary>Set-C8User: changes users' display name, password, email or whether they are active.</summary>
[Cmdlet(VerbsCommon.Set, "C8User", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeTarget.NameSet)]
[OutputType(typeof(C8User))]
public sealed class SetC8UserCommand : UserTargetCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DisplayName { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

    /// <summary>A new email address.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Email { get; set; }

    [Parameter]
    public bool? Active { get; set; }

    /// <summary>Your current password: what a user who is not an administrator gives to change their own password or email.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? CurrentPassword { get; set; }

    /// <summary>Return each user as the server has it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private C8UserChanges _changes = new();

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _changes = new C8UserChanges { DisplayName = DisplayName, Password = Password, Email = Email, Active = Active, CurrentPassword = CurrentPassword };
        if (_changes.DisplayName is null && _changes.Password is null && _changes.Email is null && _changes.Active is null)
        {
            Attempt(null, true, () => throw C8CommandException.InvalidArgument("C8.NothingToChange", "Name a change: -DisplayName, -Password, -Email or -Active."));
        }
    }

    protected override void ProcessRecord() => ChangeEach(
        Targets,
        "Set user",
        force: false,
        (target, client, token) => client.Users.UpdateAsync(target.Name, _changes, token),
        PassThru ? async (target, client, token) => await client.Users.GetAsync(target.Name, token).ConfigureAwait(false) : null);
}
