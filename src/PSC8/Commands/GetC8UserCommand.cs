namespace PSC8.Commands;

/// <summary>Get-C8User: the tenant's users by id (wildcards); never their passwords.</summary>
[Cmdlet(VerbsCommon.Get, "C8User")]
[OutputType(typeof(C8User))]
public sealed class GetC8UserCommand : C8ConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("User")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord() => Attempt(Name, () =>
    {
        var session = Session;
        var users = Await(token => session.Client.Users.ListAsync(token));
        Emit(Select(users, Name, u => u.User, "C8.UserNotFound", "user"), session);
    });
}
