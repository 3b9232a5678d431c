using PSC8.Server.Hosting;
using PSC8.Server.Tests.Infrastructure;

namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// A login names one user and signs in only that user, before and after a restart on the same data folder — also on a
/// folder from a version that let a user take root's email (the attack: root's email with the attacker's password signed
/// in as the attacker once a restart loaded the attacker, whose id sorts first, ahead of root).
/// </summary>
public sealed class LoginResolutionAttackTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "c8local-identity-" + Guid.NewGuid().ToString("N"));
    private C8LocalHost _host = null!;

    private C8LocalOptions Options => C8LocalOptions.ForTests() with { InMemory = false, DataDirectory = _data };

    public async Task InitializeAsync() => _host = await C8LocalHost.StartAsync(Options);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private RegionClient Anonymous => new(Dc.UsWest, _host.UrlOf(Dc.UsWest), null, $"{Dc.UsWest}.{_host.Options.Domain}");

    private Task<HttpExchange> LoginAsync(object body) => Anonymous.PostAsync("/_open/auth", body);

    private async Task<RegionClient> RootAsync() => Anonymous.WithAuthorization("bearer " + await Anonymous.LoginAsync(_host.RootEmail, _host.RootPassword));

    private async Task RestartAsync()
    {
        await _host.DisposeAsync();
        _host = await C8LocalHost.StartAsync(Options);
    }

    [Fact]
    public async Task Root_email_with_another_users_password_never_signs_that_user_in_before_or_after_a_restart()
    {
        var root = await RootAsync();
        const string attacker = "aaa_attacker";
        const string password = "Attacker-pw-1";
        (await root.PostAsync("/_api/user", new { email = "attacker@example.test", passwd = password, user = attacker })).ShouldBe(201);
        var asAttacker = Anonymous.WithAuthorization("bearer " + await Anonymous.LoginAsync("attacker@example.test", password));
        (await asAttacker.PatchAsync($"/_api/user/{attacker}", new { newEmail = new { email = _host.RootEmail, isVerified = true }, currentPasswd = password }))
            .ShouldFail(409, 100012);
        (await LoginAsync(new { email = _host.RootEmail, password })).ShouldFail(401, 401);

        await RestartAsync();

        (await LoginAsync(new { email = _host.RootEmail, password })).ShouldFail(401, 401);
        (await LoginAsync(new { tenant = _host.Tenant, username = attacker, password = _host.RootPassword })).ShouldFail(401, 401);
        (await LoginAsync(new { tenant = _host.Tenant, username = "root", password })).ShouldFail(401, 401);
        Assert.Equal("root", (await LoginAsync(new { email = _host.RootEmail, password = _host.RootPassword })).ShouldBe(200).Json.Str("username"));
        Assert.Equal(attacker, (await LoginAsync(new { email = "attacker@example.test", password })).ShouldBe(200).Json.Str("username"));
    }

    [Fact]
    public async Task A_data_folder_where_emails_repeat_still_starts_and_a_shared_email_signs_in_nobody_but_root()
    {
        var root = await RootAsync();
        (await root.PostAsync("/_api/user", new { email = "attacker@example.test", passwd = "Attacker-pw-1", user = "aaa_attacker" })).ShouldBe(201);
        (await root.PostAsync("/_api/user", new { email = "ann@example.test", passwd = "Ann-pw-1", user = "ann" })).ShouldBe(201);
        (await root.PostAsync("/_api/user", new { email = "bob@example.test", passwd = "Bob-pw-1", user = "bob" })).ShouldBe(201);

        // What an older version let happen: written straight into the catalog, which does not check emails there.
        var catalog = _host.Cluster.Catalog;
        catalog.UpdateUser(catalog.FindUser("aaa_attacker")! with { Email = _host.RootEmail.ToUpperInvariant() });
        catalog.UpdateUser(catalog.FindUser("bob")! with { Email = "ann@example.test" });

        await RestartAsync();

        (await LoginAsync(new { email = _host.RootEmail, password = "Attacker-pw-1" })).ShouldFail(401, 401);
        Assert.Equal("root", (await LoginAsync(new { email = _host.RootEmail, password = _host.RootPassword })).ShouldBe(200).Json.Str("username"));
        (await LoginAsync(new { email = "ann@example.test", password = "Ann-pw-1" })).ShouldFail(401, 11);
        (await LoginAsync(new { email = "ann@example.test", password = "Bob-pw-1" })).ShouldFail(401, 11);
        Assert.Equal("bob", (await LoginAsync(new { tenant = _host.Tenant, username = "bob", password = "Bob-pw-1" })).ShouldBe(200).Json.Str("username"));
        Assert.Equal("aaa_attacker", (await LoginAsync(new { tenant = _host.Tenant, username = "aaa_attacker", password = "Attacker-pw-1" })).ShouldBe(200).Json.Str("username"));

        // An administrator can clear it up: giving one of them another email makes the other's sign-in work again.
        root = await RootAsync();
        (await root.PatchAsync("/_api/user/bob", new { newEmail = new { email = "bob@example.test", isVerified = true } })).ShouldBe(200);
        Assert.Equal("ann", (await LoginAsync(new { email = "ann@example.test", password = "Ann-pw-1" })).ShouldBe(200).Json.Str("username"));
    }
}
