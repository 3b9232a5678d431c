using System.Security.Cryptography;

namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Users through their own endpoints: emails and user names are unique, only an administrator or the user with their
/// current password changes an email or password, and no key endpoint shows a key's secret or its hash. A duplicate
/// email is 409/100012 (API.md §9.2, the POST /_api/user row; GDN's error table); a duplicate user name 409/1702,
/// ArangoDB's "duplicate user", which GDN's 409 "user already exists" for POST /_api/user (openapi-spec.json) leaves open.
/// </summary>
public sealed class IdentityAttackTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private RegionClient Root => fx.Api();

    private async Task<(string Id, string Email, string Password)> CreateUserAsync(string? id = null)
    {
        var email = C8HostFixture.Unique("u") + "@example.test";
        var password = "Pw-" + Guid.NewGuid().ToString("N")[..12];
        object body = id is null ? new { email, passwd = password } : new { email, passwd = password, user = id };
        var created = (await Root.PostAsync("/_api/user", body)).ShouldBe(201);
        return (created.Json.Str("user")!, email, password);
    }

    private async Task<RegionClient> AsUserAsync(string email, string password) => fx.WithToken(await fx.LoginAsync(email, password));

    private async Task<string?> EmailOfAsync(string id) => (await Root.GetAsync($"/_api/user/{id}")).ShouldBe(200).Json.Str("email");

    [Fact]
    public async Task No_user_can_be_created_or_changed_to_an_email_or_name_another_user_has()
    {
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();
        var keyId = "k" + Guid.NewGuid().ToString("N")[..10];
        (await Root.PostAsync("/_api/key", new { keyid = keyId })).ShouldBe(201);

        (await Root.PostAsync("/_api/user", new { email = first.Email.ToUpperInvariant(), passwd = "Pw-other-1" })).ShouldFail(409, 100012);
        (await Root.PostAsync("/_api/user", new { email = fx.Host.RootEmail.ToUpperInvariant(), passwd = "Pw-other-1" })).ShouldFail(409, 100012);
        (await Root.PostAsync("/_api/user", new { email = "fresh-" + first.Email, passwd = "Pw-other-1", user = first.Id })).ShouldFail(409, 1702);
        (await Root.PostAsync("/_api/user", new { email = "fresh-" + first.Email, passwd = "Pw-other-1", user = "root" })).ShouldFail(409, 1702);
        (await Root.PostAsync("/_api/user", new { email = "fresh-" + first.Email, passwd = "Pw-other-1", user = keyId })).ShouldFail(409, 1702);

        // Changing: by an administrator, and by the user themselves with their current password.
        (await Root.PatchAsync($"/_api/user/{second.Id}", new { newEmail = new { email = first.Email.ToUpperInvariant(), isVerified = true } }))
            .ShouldFail(409, 100012);
        var asSecond = await AsUserAsync(second.Email, second.Password);
        (await asSecond.PatchAsync($"/_api/user/{second.Id}", new { newEmail = new { email = fx.Host.RootEmail, isVerified = true }, currentPasswd = second.Password }))
            .ShouldFail(409, 100012);

        Assert.Equal(second.Email, await EmailOfAsync(second.Id));
        Assert.Equal(fx.Host.RootEmail, await EmailOfAsync("root"));
        Assert.Equal(second.Id, (await fx.Anonymous().PostAsync("/_open/auth", new { email = second.Email, password = second.Password })).ShouldBe(200).Json.Str("username"));

        // A user may keep their own email, in another case too.
        (await Root.PatchAsync($"/_api/user/{second.Id}", new { newEmail = new { email = second.Email.ToUpperInvariant(), isVerified = true } })).ShouldBe(200);
    }

    [Fact]
    public async Task Only_an_administrator_or_the_user_giving_their_current_password_changes_an_email_or_password()
    {
        var user = await CreateUserAsync();
        var other = await CreateUserAsync();
        var asUser = await AsUserAsync(user.Email, user.Password);
        var path = $"/_api/user/{user.Id}";

        var bare = (await asUser.PatchAsync(path, new { passwd = "Pw-stolen-1" })).ShouldFail(403, 11);
        Assert.Contains("currentPasswd", bare.Json.Str("errorMessage"));
        (await asUser.PatchAsync(path, new { newEmail = new { email = "taken-over@example.test", isVerified = true } })).ShouldFail(403, 11);
        (await asUser.PatchAsync(path, new { passwd = "Pw-stolen-1", currentPasswd = "not-it" })).ShouldFail(403, 11);
        (await asUser.PatchAsync(path, new { passwd = "Pw-stolen-1", currentPasswd = other.Password })).ShouldFail(403, 11);
        (await fx.WithToken(await fx.LoginAsync(other.Email, other.Password)).PatchAsync(path, new { passwd = "Pw-stolen-1", currentPasswd = user.Password }))
            .ShouldFail(403, 11);
        Assert.Equal(user.Email, await EmailOfAsync(user.Id));
        await fx.LoginAsync(user.Email, user.Password);

        // What is not a credential needs no password.
        (await asUser.PatchAsync(path, new { displayName = "Renamed" })).ShouldBe(200);

        var newEmail = "moved-" + user.Email;
        (await asUser.PatchAsync(path, new { passwd = "Pw-second-1", newEmail = new { email = newEmail, isVerified = true }, currentPasswd = user.Password }))
            .ShouldBe(200);
        var token = await fx.LoginAsync(newEmail, "Pw-second-1");
        (await fx.Anonymous().PostAsync("/_open/auth", new { email = user.Email, password = user.Password })).ShouldFail(401, 11);

        // An administrator needs no current password.
        (await Root.PatchAsync(path, new { passwd = "Pw-by-root-1" })).ShouldBe(200);
        (await fx.WithToken(token).GetAsync(path)).ShouldFail(401, 11);
        await fx.LoginAsync(newEmail, "Pw-by-root-1");
    }

    [Fact]
    public async Task No_key_endpoint_shows_a_keys_secret_or_its_hash()
    {
        var keyId = "k" + Guid.NewGuid().ToString("N")[..10];
        var key = (await Root.PostAsync("/_api/key", new { keyid = keyId })).ShouldBe(201).Json.Str("key")!;
        var secret = key[(key.LastIndexOf('.') + 1)..];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        (await Root.PutAsync($"/_api/key/{keyId}/database/_system", new { grant = "ro" })).ShouldBe(200);
        var asKey = fx.Api().WithAuthorization("apikey " + key);

        var answers = new List<HttpExchange>
        {
            (await Root.GetAsync($"/_api/key/{keyId}")).ShouldBe(200),
            (await asKey.GetAsync($"/_api/key/{keyId}")).ShouldBe(200),
            (await Root.GetAsync("/_api/key")).ShouldBe(200),
            (await Root.GetAsync("/_api/key?user=root")).ShouldBe(200),
            (await asKey.GetAsync("/_api/key")).ShouldBe(200),
            (await Root.PostAsync("/_api/key/validate", new { apikey = key })).ShouldBe(200),
            (await Root.GetAsync($"/_api/key/{keyId}/database")).ShouldBe(200),
            (await Root.GetAsync($"/_api/key/{keyId}/database/_system")).ShouldBe(200),
            (await Root.GetAsync($"/_api/key/{keyId}/attributes")).ShouldBe(200),
            (await Root.GetAsync("/_api/user/root")).ShouldBe(200),
            (await Root.GetAsync("/_api/user")).ShouldBe(200),
            (await asKey.GetAsync("/_api/user")).ShouldBe(200),
        };
        foreach (var answer in answers)
        {
            Assert.DoesNotContain(secret, answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, answer.Body, StringComparison.OrdinalIgnoreCase);
        }

        // The record keeps GDN's shape (apikey.hash and apikey.parent, API.md §9.1), with nothing in the hash.
        var record = answers[0].Object;
        Assert.Equal("", record.Obj("apikey").Str("hash"));
        Assert.Equal($"{fx.Host.Tenant}.root", record.Obj("apikey").Str("parent"));
    }
}
