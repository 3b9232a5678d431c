namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// A login names one user and signs in only that user, before and after a restart on the same data folder — also on a
/// folder from a version that let a user take root's email (the attack: root's email with the attacker's password signed
/// in as the attacker once a restart loaded the attacker, whose id sorts first, ahead of root).
/// </summary>
public sealed class LoginResolutionAttackTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "c8local-identity-" + Guid.NewGuid().ToString("N"));
    private C8LocalHost? _running;

    private C8LocalHost Host => _running ?? throw new InvalidOperationException("The in-process server is stopped.");

    private C8LocalOptions Options => C8LocalOptions.ForTests() with { InMemory = false, DataDirectory = _data };

    public async Task InitializeAsync() => _running = await C8LocalHost.StartAsync(Options);

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private RegionClient Anonymous => new(Dc.UsWest, Host.UrlOf(Dc.UsWest), null, $"{Dc.UsWest}.{Host.Options.Domain}");

    private Task<HttpExchange> LoginAsync(object body) => Anonymous.PostAsync("/_open/auth", body);

    private async Task<RegionClient> RootAsync() => Anonymous.WithAuthorization("bearer " + await Anonymous.LoginAsync(Host.RootEmail, Host.RootPassword));

    private async Task StopAsync()
    {
        if (_running is not null)
        {
            await _running.DisposeAsync();
            _running = null;
        }
    }

    private async Task RestartAsync()
    {
        await StopAsync();
        _running = await C8LocalHost.StartAsync(Options);
    }

    [Fact]
    public async Task Root_email_with_another_users_password_never_signs_that_user_in_before_or_after_a_restart()
    {
        var root = await RootAsync();
        const string attacker = "aaa_attacker";
        const string password = "Attacker-pw-1";
        (await root.PostAsync("/_api/user", new { email = "attacker@example.test", passwd = password, user = attacker })).ShouldBe(201);
        var asAttacker = Anonymous.WithAuthorization("bearer " + await Anonymous.LoginAsync("attacker@example.test", password));
        (await asAttacker.PatchAsync($"/_api/user/{attacker}", new { newEmail = new { email = Host.RootEmail, isVerified = true }, currentPasswd = password }))
            .ShouldFail(409, 100012);
        (await LoginAsync(new { email = Host.RootEmail, password })).ShouldFail(401, 401);

        await RestartAsync();

        (await LoginAsync(new { email = Host.RootEmail, password })).ShouldFail(401, 401);
        (await LoginAsync(new { tenant = Host.Tenant, username = attacker, password = Host.RootPassword })).ShouldFail(401, 401);
        (await LoginAsync(new { tenant = Host.Tenant, username = "root", password })).ShouldFail(401, 401);
        Assert.Equal("root", (await LoginAsync(new { email = Host.RootEmail, password = Host.RootPassword })).ShouldBe(200).Json.Str("username"));
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
        var catalog = Host.Cluster.Catalog;
        catalog.UpdateUser(catalog.FindUser("aaa_attacker")! with { Email = Host.RootEmail.ToUpperInvariant() });
        catalog.UpdateUser(catalog.FindUser("bob")! with { Email = "ann@example.test" });

        await RestartAsync();

        (await LoginAsync(new { email = Host.RootEmail, password = "Attacker-pw-1" })).ShouldFail(401, 401);
        Assert.Equal("root", (await LoginAsync(new { email = Host.RootEmail, password = Host.RootPassword })).ShouldBe(200).Json.Str("username"));
        (await LoginAsync(new { email = "ann@example.test", password = "Ann-pw-1" })).ShouldFail(401, 11);
        (await LoginAsync(new { email = "ann@example.test", password = "Bob-pw-1" })).ShouldFail(401, 11);
        Assert.Equal("bob", (await LoginAsync(new { tenant = Host.Tenant, username = "bob", password = "Bob-pw-1" })).ShouldBe(200).Json.Str("username"));
        Assert.Equal("aaa_attacker", (await LoginAsync(new { tenant = Host.Tenant, username = "aaa_attacker", password = "Attacker-pw-1" })).ShouldBe(200).Json.Str("username"));

        // An administrator can clear it up: giving one of them another email makes the other's sign-in work again.
        root = await RootAsync();
        (await root.PatchAsync("/_api/user/bob", new { newEmail = new { email = "bob@example.test", isVerified = true } })).ShouldBe(200);
        Assert.Equal("ann", (await LoginAsync(new { email = "ann@example.test", password = "Ann-pw-1" })).ShouldBe(200).Json.Str("username"));
    }

    [Fact]
    public async Task The_console_app_warns_at_start_about_emails_that_several_users_share()
    {
        var root = await RootAsync();
        (await root.PostAsync("/_api/user", new { email = "ann@example.test", passwd = "Ann-pw-1", user = "ann" })).ShouldBe(201);
        (await root.PostAsync("/_api/user", new { email = "bob@example.test", passwd = "Bob-pw-1", user = "bob" })).ShouldBe(201);
        var catalog = Host.Cluster.Catalog;
        catalog.UpdateUser(catalog.FindUser("bob")! with { Email = "ANN@example.test" });
        var password = Host.RootPassword;
        await StopAsync();

        await using var server = await C8LocalProcess.StartAsync(["--data", _data, "--port", "0", "--root-password", password]);
        await Eventually.WaitForAsync(() => Task.FromResult(server.Output), output => output.Contains("share the email", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the warning about a shared email");
        Assert.Contains("warning: users ann, bob share the email ann@example.test, which signs in nobody", server.Output, StringComparison.OrdinalIgnoreCase);
    }
}
