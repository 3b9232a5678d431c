using PSC8.Server.Security;

namespace PSC8.Server.Tests;

/// <summary>POST /_open/auth, the Authorization header (bearer/apikey, any case), 401 vs 403 with errorNum 11.</summary>
public sealed class AuthTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task Login_with_email_returns_a_12_hour_GDN_shaped_JWT()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var r = (await fx.Anonymous().PostAsync("/_open/auth", new { email = "root@c8.local", password = "test-password" })).ShouldBe(200);

        Assert.Equal("local", r.Json.Str("tenant"));
        Assert.Equal("root", r.Json.Str("username"));
        Assert.False(r.Json.Has("error"), "the login answer is bare, without an envelope");
        var parts = r.Json.Str("jwt")!.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.Equal(0, p.Length % 4)); // standard base64 with '=' padding, as GDN's
        var header = JsonNode.Parse(Convert.FromBase64String(parts[0]));
        Assert.Equal("HS256", header.Str("alg"));
        Assert.Equal("JWT", header.Str("typ"));
        var claims = JsonNode.Parse(Convert.FromBase64String(parts[1]));
        var iat = claims.Long("iat")!.Value;
        Assert.InRange(iat, before - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.Equal(43_200, claims.Long("exp") - iat);
        Assert.Equal("macrometa", claims.Str("iss"));
        Assert.Equal("root", claims.Str("preferred_username"));
        Assert.Equal("local", claims.Str("sub"));
        Assert.Equal("local", claims.Str("tenant"));
        Assert.NotNull(claims.Long("hash"));
    }

    [Fact]
    public async Task Login_with_tenant_and_username_works_and_the_token_is_accepted_by_every_region()
    {
        var r = (await fx.Anonymous(Dc.EuCentral).PostAsync("/_open/auth", new { tenant = "local", username = "root", password = "test-password" })).ShouldBe(200);
        var token = r.Json.Str("jwt")!;
        foreach (var region in Dc.All)
        {
            var current = (await fx.WithToken(token, region).GetAsync("/_fabric/_system/_api/database/current")).ShouldBe(200);
            Assert.Equal("_system", current.Result.Str("name"));
        }
    }

    [Fact]
    public async Task Login_body_is_read_without_a_content_type_as_pyC8_sends_it()
    {
        var body = Encoding.UTF8.GetBytes("""{"email":"root@c8.local","password":"test-password"}""");
        var r = (await fx.Anonymous().SendRawAsync(HttpMethod.Post, "/_open/auth", body, contentType: null)).ShouldBe(200);
        Assert.False(string.IsNullOrEmpty(r.Json.Str("jwt")));
    }

    public static TheoryData<string, int, int> FailedLogins => new()
    {
        { """{"email":"nobody@c8.local","password":"test-password"}""", 401, 11 },
        { """{"email":"root@c8.local","password":"wrong"}""", 401, 401 },
        { """{"tenant":"local","username":"root","password":"wrong"}""", 401, 401 },
        { """{"tenant":"local","username":"nobody","password":"test-password"}""", 401, 11 },
        { """{"tenant":"other","username":"root","password":"test-password"}""", 401, 11 },
        { """{"email":"root@c8.local"}""", 400, 10 },
        { """{"password":"test-password"}""", 400, 10 },
    };

    [Theory]
    [MemberData(nameof(FailedLogins))]
    public async Task Failed_logins_are_rejected_with_GDN_errors(string body, int status, int errorNum)
    {
        var r = await fx.Anonymous().SendRawAsync(HttpMethod.Post, "/_open/auth", Encoding.UTF8.GetBytes(body), "application/json");
        r.ShouldFail(status, errorNum);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("Bearer")]
    [InlineData("BEARER")]
    [InlineData("bEaReR")]
    public async Task The_bearer_scheme_is_case_insensitive(string scheme)
    {
        var api = fx.Api().WithAuthorization($"{scheme} {fx.RootToken}");
        (await api.GetAsync("/_fabric/_system/_api/collection")).ShouldBe(200);
    }

    [Theory]
    [InlineData("apikey")]
    [InlineData("Apikey")]
    [InlineData("APIKEY")]
    public async Task The_apikey_scheme_is_case_insensitive_and_a_key_only_reaches_what_it_was_granted(string scheme)
    {
        var granted = await fx.CreateFabricAsync();
        var other = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(granted);
        var key = fx.AddApiKey((granted, "", AccessLevel.ReadWrite));
        var api = fx.Api(Dc.ApSouth).WithAuthorization($"{scheme} {key}");

        (await api.PostAsync(Paths.Documents(granted, collection), new { _key = "by-key" })).ShouldBe(202);
        (await api.GetAsync(Paths.Document(granted, collection, "by-key"))).ShouldBe(200);
        (await api.GetAsync(Paths.Fabric(other, "database/current"))).ShouldFail(403, 11);
        (await api.PostAsync(Paths.Databases, new { name = C8HostFixture.Unique("fab") })).ShouldFail(403, 11);

        var wrongSecret = key[..key.LastIndexOf('.')] + ".not-the-secret";
        (await api.WithAuthorization($"{scheme} {wrongSecret}").GetAsync(Paths.Collections(granted))).ShouldFail(401, 11);
        (await api.WithAuthorization($"bearer {key}").GetAsync(Paths.Collections(granted))).ShouldFail(401, 11);
    }

    [Fact]
    public async Task Missing_or_bad_credentials_are_401_with_errorNum_11()
    {
        var token = fx.RootToken;
        var parts = token.Split('.');
        var tamperedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])).Replace("\"root\"", "\"rooo\"")));
        string?[] headers =
        [
            null,
            "",
            token,
            "bearer",
            "bearer not-a-jwt",
            $"bearer {parts[0]}.{tamperedPayload}.{parts[2]}",
            $"bearer {parts[0]}.{parts[1]}.{Convert.ToBase64String(new byte[32])}",
            $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("root:test-password"))}",
            "apikey local.nokey.secret",
            "APIKEY garbage",
            "ApiKey other-tenant.key.secret",
        ];
        foreach (var header in headers)
        {
            foreach (var path in new[] { "/_fabric/_system/_api/collection", "/datacenter/all", "/_api/database/current" })
            {
                (await fx.Api().WithAuthorization(header).GetAsync(path)).ShouldFail(401, 11);
            }
        }
    }

    [Fact]
    public async Task The_health_check_is_open_and_everything_else_needs_credentials()
    {
        var health = (await fx.Anonymous(Dc.ApSouth).GetAsync("/_open/health")).ShouldBe(200);
        Assert.Equal("ap-south", health.Json.Str("region"));
        (await fx.Anonymous().PostAsync(Paths.Databases, new { name = C8HostFixture.Unique("anon") })).ShouldFail(401, 11);
        (await fx.Anonymous().GetAsync(Paths.Faults)).ShouldFail(401, 11);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var root = fx.Host.Cluster.Catalog.FindUser(Principal.RootUserId)!;
        var expired = fx.Host.Cluster.Tokens.Issue("root", "local", JwtTokens.PasswordStamp(root.PasswordHash), DateTimeOffset.UtcNow.AddHours(-13));
        var fresh = fx.Host.Cluster.Tokens.Issue("root", "local", JwtTokens.PasswordStamp(root.PasswordHash), DateTimeOffset.UtcNow.AddHours(-11));
        (await fx.WithToken(expired).GetAsync("/_api/collection")).ShouldFail(401, 11);
        (await fx.WithToken(fresh).GetAsync("/_api/collection")).ShouldBe(200);
    }

    [Fact]
    public void A_token_accepted_before_is_refused_once_it_expires_or_is_altered()
    {
        var tokens = fx.Host.Cluster.Tokens;
        var issued = DateTimeOffset.UtcNow;
        var token = tokens.Issue("root", "local", 1, issued);
        Assert.NotNull(tokens.Validate(token, issued.AddHours(1)));
        // Accepted tokens are remembered; the clock is still asked every time.
        Assert.Null(tokens.Validate(token, issued.AddHours(13)));
        var signature = token.LastIndexOf('.') + 1;
        var altered = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];
        Assert.Null(tokens.Validate(altered, issued.AddHours(1)));
    }

    [Fact]
    public async Task Changing_the_password_revokes_older_tokens()
    {
        var user = await fx.AddUserAsync(("_system", "", AccessLevel.ReadOnly));
        (await fx.WithToken(user.Token).GetAsync("/_api/database/current")).ShouldBe(200);

        var catalog = fx.Host.Cluster.Catalog;
        catalog.UpdateUser(catalog.FindUser(user.UserId)! with { PasswordHash = Passwords.Hash("a-new-password") });

        (await fx.WithToken(user.Token).GetAsync("/_api/database/current")).ShouldFail(401, 11);
        (await fx.Anonymous().PostAsync("/_open/auth", new { email = user.Email, password = user.Password })).ShouldFail(401, 401);
        var token = await fx.LoginAsync(user.Email, "a-new-password");
        (await fx.WithToken(token).GetAsync("/_api/database/current")).ShouldBe(200);
    }

    [Fact]
    public async Task A_removed_or_deactivated_user_is_locked_out()
    {
        var catalog = fx.Host.Cluster.Catalog;
        var inactive = await fx.AddUserAsync(("_system", "", AccessLevel.ReadOnly));
        catalog.UpdateUser(catalog.FindUser(inactive.UserId)! with { Active = false });
        (await fx.WithToken(inactive.Token).GetAsync("/_api/database/current")).ShouldFail(401, 11);
        (await fx.Anonymous().PostAsync("/_open/auth", new { email = inactive.Email, password = inactive.Password })).ShouldBe(401);

        var removed = await fx.AddUserAsync(("_system", "", AccessLevel.ReadOnly));
        catalog.RemoveUser(removed.UserId);
        (await fx.WithToken(removed.Token).GetAsync("/_api/database/current")).ShouldFail(401, 11);
    }

    [Fact]
    public async Task Valid_credentials_without_the_level_needed_are_403_with_errorNum_11()
    {
        var fabric = await fx.CreateFabricAsync();
        var open = await fx.CreateCollectionAsync(fabric);
        var guarded = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, guarded), new { _key = "d1", v = 1 })).ShouldBe(202);

        // Read-only on the fabric.
        var reader = await fx.AddUserAsync((fabric, "", AccessLevel.ReadOnly));
        var asReader = fx.WithToken(reader.Token, Dc.EuCentral);
        (await asReader.GetAsync(Paths.Collection(fabric, guarded))).ShouldBe(200);
        (await asReader.GetAsync(Paths.Document(fabric, guarded, "d1"))).ShouldBe(200);
        (await asReader.PostAsync(Paths.Documents(fabric, guarded), new { v = 2 })).ShouldFail(403, 11);
        (await asReader.PatchAsync(Paths.Document(fabric, guarded, "d1"), new { v = 3 })).ShouldFail(403, 11);
        (await asReader.DeleteAsync(Paths.Document(fabric, guarded, "d1"))).ShouldFail(403, 11);
        (await asReader.PostAsync(Paths.Collections(fabric), new { name = "denied" })).ShouldFail(403, 11);
        (await asReader.PutAsync(Paths.Collection(fabric, guarded, "truncate"))).ShouldFail(403, 11);
        (await asReader.DeleteAsync(Paths.Collection(fabric, guarded))).ShouldFail(403, 11);
        (await asReader.PutAsync(Paths.Fabric(fabric, "database/metadata"), new { metadata = new { a = 1 } })).ShouldFail(403, 11);

        // Read-write on the fabric, read-only by default on its collections, read-write on one of them.
        var writer = await fx.AddUserAsync((fabric, "", AccessLevel.ReadWrite), (fabric, "*", AccessLevel.ReadOnly), (fabric, open, AccessLevel.ReadWrite));
        var asWriter = fx.WithToken(writer.Token);
        (await asWriter.PostAsync(Paths.Documents(fabric, open), new { v = 1 })).ShouldBe(202);
        (await asWriter.PostAsync(Paths.Documents(fabric, guarded), new { v = 1 })).ShouldFail(403, 11);
        (await asWriter.GetAsync(Paths.Document(fabric, guarded, "d1"))).ShouldBe(200);

        // No access to the fabric at all, and no administration without rw on _system.
        var outsider = await fx.AddUserAsync(("_system", "", AccessLevel.ReadOnly));
        var asOutsider = fx.WithToken(outsider.Token);
        (await asOutsider.GetAsync(Paths.Fabric(fabric, "database/current"))).ShouldFail(403, 11);
        (await asOutsider.GetAsync(Paths.Document(fabric, guarded, "d1"))).ShouldFail(403, 11);
        (await asOutsider.PostAsync(Paths.Databases, new { name = C8HostFixture.Unique("nope") })).ShouldFail(403, 11);
        (await asOutsider.DeleteAsync($"{Paths.Databases}/{fabric}")).ShouldFail(403, 11);
        (await asOutsider.PutAsync("/datacenter/ap-south/false")).ShouldFail(403, 11);
        (await asOutsider.PutAsync(Paths.Fabric(fabric, "database/eu-central"))).ShouldFail(403, 11);
        (await asOutsider.GetAsync(Paths.Faults)).ShouldFail(403, 11);
        (await asOutsider.PutAsync(Paths.Faults, new { replicationDelay = "1s" })).ShouldFail(403, 11);

        // Listings only show what the caller may see.
        var names = (await asOutsider.GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings();
        Assert.Contains("_system", names);
        Assert.DoesNotContain(fabric, names);
        Assert.Contains(fabric, (await asReader.GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings());

        // Nothing the refused calls attempted happened.
        var d1 = (await fx.Api().GetAsync(Paths.Document(fabric, guarded, "d1"))).ShouldBe(200);
        Assert.Equal(1, d1.Json.Long("v"));
        Assert.Equal(1, (await fx.Api().GetAsync(Paths.Collection(fabric, guarded, "count"))).ShouldBe(200).Json.Long("count"));
    }
}
