namespace PSC8.Client.Tests;

/// <summary>
/// UserApi against C8 Local: the bodies and answers of <c>/_api/user</c> as API.md §9.2 and the published API's
/// user_create and user_modify schemas give them (email, passwd, displayName, active; 409/100012 for a taken email,
/// 404/1703 for an unknown user).
/// </summary>
public sealed class UserApiTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    private readonly string _email = C8LocalFixture.Unique("user") + "@example.com";

    [Fact]
    public async Task Creates_gets_changes_and_deletes_a_user()
    {
        var created = await Root.Users.CreateAsync(new C8UserDefinition(_email, C8LocalFixture.Secure("First-pw-1")) { DisplayName = "First" });
        var changed = await Root.Users.UpdateAsync(created.User, new C8UserChanges { Password = C8LocalFixture.Secure("Second-pw-2"), DisplayName = "Second", Active = false });
        var read = await Root.Users.GetAsync(created.User);
        await Root.Users.DeleteAsync(created.User);

        Assert.Equal((_email, "First", true, Fixture.Host.Tenant), (created.Email, created.DisplayName, created.Active, created.Tenant));
        Assert.Equal(("Second", false), (changed.DisplayName, changed.Active));
        Assert.Equal((created.User, "Second", false), (read.User, read.DisplayName, read.Active));
        var gone = await Assert.ThrowsAsync<C8ApiException>(() => Root.Users.GetAsync(created.User));
        Assert.Equal((404, "C8.UserNotFound"), (gone.StatusCode, gone.ErrorId));
    }

    [Fact]
    public async Task A_connection_keeps_working_after_its_user_changes_their_own_password_and_email()
    {
        var created = await Root.Users.CreateAsync(new C8UserDefinition(_email, C8LocalFixture.Secure("First-pw-1")));
        try
        {
            await Root.Access.SetFabricAccessAsync(C8AccessSubject.User(created.User), "_system", C8AccessLevel.ReadOnly);
            using var me = await Fixture.ConnectAsync(C8Credential.FromPassword(_email, "First-pw-1"));
            var newEmail = "new-" + _email;

            // C8 Local revokes a user's tokens when their password changes, so the next request signs in again.
            await me.Users.UpdateAsync(me.User!, new C8UserChanges { Password = C8LocalFixture.Secure("Second-pw-2"), Email = newEmail, CurrentPassword = C8LocalFixture.Secure("First-pw-1") });
            var read = await me.Users.GetAsync(me.User!);

            Assert.Equal(newEmail, read.Email);
            var old = await Assert.ThrowsAsync<C8ApiException>(() => Fixture.ConnectAsync(C8Credential.FromPassword(_email, "First-pw-1")));
            Assert.Equal(401, old.StatusCode);
        }
        finally
        {
            await Root.Users.DeleteAsync(created.User);
        }
    }

    [Fact]
    public async Task A_taken_email_is_refused_and_the_first_user_is_kept()
    {
        var first = await Root.Users.CreateAsync(new C8UserDefinition(_email, C8LocalFixture.Secure("First-pw-1")));
        try
        {
            var taken = await Assert.ThrowsAsync<C8ApiException>(() => Root.Users.CreateAsync(new C8UserDefinition(_email, C8LocalFixture.Secure("Other-pw-1"))));

            Assert.Equal((409, "C8.DuplicateEmail"), (taken.StatusCode, taken.ErrorId));
            Assert.Single(await Root.Users.ListAsync(), u => u.Email == _email);
        }
        finally
        {
            await Root.Users.DeleteAsync(first.User);
        }
    }
}
