namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Get-, New-, Set- and Remove-C8User against C8 Local: a user created with a password signs in with it, changes take
/// effect, the password never shows, and unknown users and taken email addresses are clear errors.
/// </summary>
public sealed class UserCmdletTests : FabricTest
{
    private const string Password = "Teller-pw-1!";
    private const string NewPassword = "Teller-pw-2!";
    private readonly string _email = C8LocalFixture.Unique("teller") + "@example.com";

    public UserCmdletTests(ModuleServers servers)
        : base(servers)
    {
        Shell.Set("Email", _email)
            .Set("UserCredential", new PSCredential(_email, C8LocalFixture.Secure(Password)))
            .Set("NewCredential", new PSCredential(_email, C8LocalFixture.Secure(NewPassword)))
            .Set("NewPassword", C8LocalFixture.Secure(NewPassword));
    }

    public override async Task DisposeAsync()
    {
        foreach (var user in (await Root.Users.ListAsync()).Where(u => u.Email == _email))
        {
            await Root.Users.DeleteAsync(user.User);
        }

        await base.DisposeAsync();
    }

    [Fact]
    public void A_user_is_created_signs_in_is_changed_and_removed_and_its_password_never_shows()
    {
        var created = Run("$user = New-C8User -Credential $UserCredential -DisplayName Teller; $user; $user | Format-List * | Out-String; $user | ConvertTo-Json").ShouldSucceed();
        var user = Assert.Single(created.Objects<C8User>());
        Assert.Equal((_email, "Teller", true, C8.Host.Tenant), (user.Email, user.DisplayName, user.Active, user.Tenant));
        Assert.DoesNotContain(created.Output, o => o.ToString()!.Contains(Password, StringComparison.Ordinal));

        // Listed by id (wildcards too), and signs in once it may use the fabric.
        Assert.Equal(user.User, Assert.Single(Run("Get-C8User $user.User").ShouldSucceed().Objects<C8User>()).User);
        Assert.Contains(Run("Get-C8User u*, root").ShouldSucceed().Objects<C8User>(), u => u.Email == _email);
        Run("Set-C8AccessLevel -User $user.User -Fabric $Fabric -Level ro").ShouldSucceed();
        Run("Connect-C8 $Url -Credential $UserCredential -Fabric $Fabric -KeepDefault").ShouldSucceed();

        // A new password replaces the old one.
        Run("Set-C8User $user.User -Password $NewPassword").ShouldSucceed();
        var oldPassword = RunCaught("Connect-C8 $Url -Credential $UserCredential -Fabric $Fabric -KeepDefault");
        Run("Connect-C8 $Url -Credential $NewCredential -Fabric $Fabric -KeepDefault").ShouldSucceed();
        ErrorRecordAssert.Matches(oldPassword.Terminating ?? oldPassword.Errors.FirstOrDefault(), "C8.AuthenticationFailed", ErrorCategory.SecurityError);

        var changed = Run("Get-C8User $user.User | Set-C8User -DisplayName 'Former teller' -Active $false -PassThru").ShouldSucceed();
        Assert.Equal(("Former teller", false), (Assert.Single(changed.Objects<C8User>()).DisplayName, changed.Objects<C8User>().Single().Active));

        Run("Get-C8User $user.User | Remove-C8User").ShouldSucceed();
        var gone = RunCaught("Get-C8User $user.User");
        ErrorRecordAssert.SingleNonTerminating(gone, "C8.UserNotFound", ErrorCategory.ObjectNotFound, user.User);
    }

    [Fact]
    public async Task A_taken_email_and_an_unknown_user_are_clear_errors()
    {
        Run("$null = New-C8User -Credential $UserCredential").ShouldSucceed();

        // C8 Local answers a taken email with 409/100012, as GDN does (API.md §9.2).
        var duplicate = RunCaught("New-C8User -Email $Email -Password $NewPassword");
        var removed = RunCaught("Remove-C8User nosuch_user");
        var changed = RunCaught("Set-C8User nosuch_user -DisplayName x");
        var nothing = RunCaught("Set-C8User nosuch_user");

        var error = ErrorRecordAssert.SingleNonTerminating(duplicate, "C8.DuplicateEmail", ErrorCategory.ResourceExists, _email);
        Assert.StartsWith("The email address is taken", error.Exception.Message, StringComparison.Ordinal);
        ErrorRecordAssert.SingleNonTerminating(removed, "C8.UserNotFound", ErrorCategory.ObjectNotFound, "nosuch_user");
        ErrorRecordAssert.SingleNonTerminating(changed, "C8.UserNotFound", ErrorCategory.ObjectNotFound, "nosuch_user");
        ErrorRecordAssert.Matches(nothing.Terminating, "C8.NothingToChange", ErrorCategory.InvalidArgument);
        Assert.Single(await Root.Users.ListAsync(), u => u.Email == _email);
    }

    [Fact]
    public void A_user_changes_its_own_password_only_by_giving_the_current_one()
    {
        Shell.Set("CurrentPassword", C8LocalFixture.Secure(Password));
        Run("$user = New-C8User -Credential $UserCredential; Set-C8AccessLevel -User $user.User -Fabric $Fabric -Level ro").ShouldSucceed();
        Run("$me = Connect-C8 $Url -Credential $UserCredential -Fabric $Fabric -KeepDefault").ShouldSucceed();

        // C8 Local's rule for a user who is not an administrator (README, decisions where GDN is silent).
        var without = RunCaught("Set-C8User $user.User -Password $NewPassword -Connection $me");
        var refused = Assert.Single(without.Errors);
        ErrorRecordAssert.Matches(refused, "C8.AccessDenied", ErrorCategory.PermissionDenied);
        Assert.Contains("currentPasswd", refused.Exception.Message, StringComparison.Ordinal);
        Run("Connect-C8 $Url -Credential $UserCredential -Fabric $Fabric -KeepDefault").ShouldSucceed();

        if (ModuleServers.StrictApi)
        {
            // GDN publishes no current-password field, so a strict server refuses it by name and changes nothing.
            var strict = RunCaught("Set-C8User $user.User -Password $NewPassword -CurrentPassword $CurrentPassword -Connection $me");
            Assert.Contains("currentPasswd", Assert.Single(strict.Errors).Exception.Message, StringComparison.Ordinal);
            Run("Connect-C8 $Url -Credential $UserCredential -Fabric $Fabric -KeepDefault").ShouldSucceed();
            return;
        }

        Run("Set-C8User $user.User -Password $NewPassword -CurrentPassword $CurrentPassword -Connection $me").ShouldSucceed();
        Run("Connect-C8 $Url -Credential $NewCredential -Fabric $Fabric -KeepDefault").ShouldSucceed();
        var old = RunCaught("Connect-C8 $Url -Credential $UserCredential -Fabric $Fabric -KeepDefault");
        ErrorRecordAssert.Matches(old.Terminating ?? old.Errors.FirstOrDefault(), "C8.AuthenticationFailed", ErrorCategory.SecurityError);
    }

    [Fact]
    public async Task Removing_an_access_level_takes_the_grant_back()
    {
        var keyId = Shell.SetUnique("KeyId", "key");
        await CollectionAsync("acl");
        try
        {
            Run("$key = New-C8ApiKey $KeyId; $keyed = Connect-C8 $Url -ApiKey $key.ApiKey -Fabric $Fabric -KeepDefault; Set-C8AccessLevel $KeyId $Fabric ro").ShouldSucceed();
            Run("Get-C8Collection acl -Connection $keyed").ShouldSucceed();

            Run("Remove-C8AccessLevel $KeyId $Fabric").ShouldSucceed();

            ErrorRecordAssert.SingleNonTerminating(RunCaught("Get-C8Collection acl -Connection $keyed"), "C8.AccessDenied", ErrorCategory.PermissionDenied, new[] { "acl" });
            Assert.NotEqual(C8AccessLevel.ReadOnly, await Root.Access.GetFabricAccessAsync(C8AccessSubject.ApiKey(keyId), Fabric));
        }
        finally
        {
            await Root.ApiKeys.DeleteAsync(keyId);
        }
    }
}
