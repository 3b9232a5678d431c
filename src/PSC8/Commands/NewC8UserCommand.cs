using System.Security;

namespace PSC8.Commands;

/// <summary>New-C8User: creates a user from an email and a password (or a credential holding both).</summary>
[Cmdlet(VerbsCommon.New, "C8User", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PasswordSet)]
[OutputType(typeof(C8User))]
public sealed class NewC8UserCommand : C8ConnectedCmdlet
{
    private const string PasswordSet = "Password";
    private const string CredentialSet = "Credential";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PasswordSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PasswordSet)]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

    /// <summary>The email as the user name and the password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DisplayName { get; set; }

    /// <summary>Whether the user may sign in; true when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public bool Active { get; set; } = true;

    protected override void ProcessRecord()
    {
        var email = Credential?.UserName ?? Email;
        Attempt(email, () =>
        {
            var session = Session;
            var definition = new C8UserDefinition(email, Credential?.Password ?? Password!) { DisplayName = DisplayName, Active = Active };
            if (ShouldProcess(Where(email, session), "Create user"))
            {
                Emit(Await(token => session.Client.Users.CreateAsync(definition, token)), session);
            }
        });
    }
}
