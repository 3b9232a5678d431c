using System.Security.Cryptography;

namespace PSC8.Server.Tests;

/// <summary>API keys, users and access levels through their own endpoints, as administrators and as ordinary callers.</summary>
public sealed class KeysUsersAndAccessTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private RegionClient Root => fx.Api(Dc.EuCentral);

    private async Task<(string KeyId, string Key)> CreateKeyAsync()
    {
        var keyId = "k" + Guid.NewGuid().ToString("N")[..10];
        var created = (await Root.PostAsync("/_api/key", new { keyid = keyId })).ShouldBe(201).Object;
        return (keyId, created["key"]!.GetValue<string>());
    }

    private RegionClient AsKey(string key) => fx.Api(Dc.EuCentral).WithAuthorization("apikey " + key);

    [Fact]
    public async Task A_key_is_shown_once_and_never_again_nor_its_hash()
    {
        var (keyId, key) = await CreateKeyAsync();
        Assert.StartsWith($"{fx.Host.Tenant}.{keyId}.", key);

        var record = (await Root.GetAsync($"/_api/key/{keyId}")).ShouldBe(200).Object;
        var secret = key[(key.LastIndexOf('.') + 1)..];
        Assert.Equal("", record.Obj("apikey").Str("hash"));
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), record.ToJsonString());
        Assert.Equal($"{fx.Host.Tenant}.root", record.Obj("apikey").Str("parent"));
        Assert.DoesNotContain(secret, record.ToJsonString());

        var listed = (await Root.GetAsync("/_api/key")).ShouldBe(200).Result.AsArray();
        Assert.Contains(listed, k => k.Str("keyid") == keyId);
        Assert.DoesNotContain(secret, listed.ToJsonString());
    }

    [Fact]
    public async Task Bad_or_duplicate_key_ids_are_refused()
    {
        (await Root.PostAsync("/_api/key", new { keyid = "1starts-with-digit" })).ShouldFail(400, 100020);
        (await Root.PostAsync("/_api/key", new { })).ShouldFail(400, 10);
        var (keyId, _) = await CreateKeyAsync();
        (await Root.PostAsync("/_api/key", new { keyid = keyId })).ShouldFail(409, 1207);
        (await Root.GetAsync("/_api/key/nosuchkey")).ShouldFail(404, 100015);
        (await Root.DeleteAsync("/_api/key/nosuchkey")).ShouldFail(404, 100015);
    }

    [Fact]
    public async Task A_new_key_has_no_access_until_granted_and_loses_it_when_revoked()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var (keyId, key) = await CreateKeyAsync();

        (await AsKey(key).GetAsync(Paths.Collections(fabric))).ShouldFail(403, 11);
        Assert.Equal("none", (await Root.GetAsync($"/_api/key/{keyId}/database/{fabric}")).ShouldBe(200).Result.GetValue<string>());

        var granted = (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}", new { grant = "ro" })).ShouldBe(200).Object;
        Assert.Equal("ro", granted.Str($"{fx.Host.Tenant}.{fabric}"));
        (await AsKey(key).GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200);
        (await AsKey(key).PostAsync(Paths.Documents(fabric, collection), new { a = 1 })).ShouldFail(403, 11);

        (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}/collection/{collection}", new { grant = "rw" })).ShouldBe(200);
        (await AsKey(key).PostAsync(Paths.Documents(fabric, collection), new { a = 1 })).ShouldBe(202);
        var levels = (await Root.GetAsync($"/_api/key/{keyId}/database/{fabric}/collection")).ShouldBe(200).Result;
        Assert.Equal("rw", levels.Str(collection));

        (await Root.DeleteAsync($"/_api/key/{keyId}/database/{fabric}/collection/{collection}")).ShouldBe(202);
        (await AsKey(key).PostAsync(Paths.Documents(fabric, collection), new { a = 2 })).ShouldFail(403, 11);
        (await Root.DeleteAsync($"/_api/key/{keyId}/database/{fabric}")).ShouldBe(202);
        (await AsKey(key).GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldFail(403, 11);
    }

    [Fact]
    public async Task The_star_collection_level_is_the_default_for_collections_without_their_own()
    {
        var fabric = await fx.CreateFabricAsync();
        var open = await fx.CreateCollectionAsync(fabric);
        var closed = await fx.CreateCollectionAsync(fabric);
        var (keyId, key) = await CreateKeyAsync();
        (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}", new { grant = "rw" })).ShouldBe(200);
        (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}/collection/*", new { grant = "none" })).ShouldBe(200);
        (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}/collection/{open}", new { grant = "rw" })).ShouldBe(200);

        (await AsKey(key).PostAsync(Paths.Documents(fabric, open), new { a = 1 })).ShouldBe(202);
        (await AsKey(key).PostAsync(Paths.Documents(fabric, closed), new { a = 1 })).ShouldFail(403, 11);
        var visible = (await AsKey(key).GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray().Select(c => c.Str("name"));
        Assert.Contains(open, visible);
        Assert.DoesNotContain(closed, visible);
    }

    [Fact]
    public async Task Grants_are_validated()
    {
        var fabric = await fx.CreateFabricAsync();
        var (keyId, _) = await CreateKeyAsync();
        (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}", new { grant = "admin" })).ShouldFail(400, 10);
        (await Root.PutAsync($"/_api/key/{keyId}/database/nosuchfabric", new { grant = "rw" })).ShouldFail(404, 1228);
        (await Root.PutAsync($"/_api/key/{keyId}/database/{fabric}/collection/nosuchcollection", new { grant = "rw" })).ShouldFail(404, 1203);
    }

    [Fact]
    public async Task Only_administrators_manage_keys_users_and_grants()
    {
        var (keyId, key) = await CreateKeyAsync();
        var caller = AsKey(key);
        (await caller.PostAsync("/_api/key", new { keyid = "another" })).ShouldFail(403, 11);
        (await caller.PutAsync($"/_api/key/{keyId}/database/_system", new { grant = "rw" })).ShouldFail(403, 11);
        (await caller.PostAsync("/_api/user", new { email = "x@example.test", passwd = "pw" })).ShouldFail(403, 11);

        // A key may read its own levels, and is listed the tenant's users it belongs to (pyC8 reads the tenant there).
        Assert.Equal("none", (await caller.GetAsync($"/_api/key/{keyId}/database/_system")).ShouldBe(200).Result.GetValue<string>());
        var users = (await caller.GetAsync("/_api/user")).ShouldBe(200).Result.AsArray();
        Assert.Equal(fx.Host.Tenant, Assert.Single(users).Str("tenant"));

        // Granting rw on _system makes the key an administrator.
        (await Root.PutAsync($"/_api/key/{keyId}/database/_system", new { grant = "rw" })).ShouldBe(200);
        var made = (await caller.PostAsync("/_api/key", new { keyid = "k" + Guid.NewGuid().ToString("N")[..8] })).ShouldBe(201).Object;
        Assert.Equal($"{fx.Host.Tenant}.root", made.Str("user"));
    }

    [Fact]
    public async Task Validate_tells_whose_key_or_token_it_is()
    {
        var (keyId, key) = await CreateKeyAsync();
        var entry = (await Root.PostAsync("/_api/key/validate", new { apikey = key })).ShouldBe(200).Result.AsArray()[0];
        Assert.Equal(keyId, entry.Str("keyid"));
        Assert.Equal(fx.Host.Tenant, entry.Str("tenant"));
        (await Root.PostAsync("/_api/key/validate", new { jwt = fx.RootToken })).ShouldBe(200);
        (await Root.PostAsync("/_api/key/validate", new { apikey = key + "x" })).ShouldFail(401, 11);
    }

    [Fact]
    public async Task Users_can_be_created_updated_and_removed_and_their_keys_go_with_them()
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        var created = (await Root.PostAsync("/_api/user", new { email, passwd = "first-pw", displayName = "Ada" })).ShouldBe(201).Object;
        var userId = created.Str("user")!;
        Assert.Equal("Ada", created.Str("displayName"));
        (await Root.PostAsync("/_api/user", new { email, passwd = "again" })).ShouldFail(409, 100012);

        var oldToken = await fx.LoginAsync(email, "first-pw");
        (await Root.PatchAsync($"/_api/user/{userId}", new { passwd = "second-pw", extra = new { team = "ops" } })).ShouldBe(200);
        (await fx.WithToken(oldToken).GetAsync("/_api/user")).ShouldFail(401, 11);
        var newToken = await fx.LoginAsync(email, "second-pw");
        var self = (await fx.WithToken(newToken).GetAsync($"/_api/user/{userId}")).ShouldBe(200).Object;
        Assert.Equal("ops", self.Obj("extra").Str("team"));

        var key = (await Root.PostAsync("/_api/key", new { keyid = "k" + Guid.NewGuid().ToString("N")[..8], user = userId })).ShouldBe(201).Object;
        (await Root.DeleteAsync($"/_api/user/{userId}")).ShouldBe(202);
        (await Root.GetAsync($"/_api/user/{userId}")).ShouldFail(404, 1703);
        (await Root.GetAsync($"/_api/key/{key.Str("keyid")}")).ShouldFail(404, 100015);
        (await fx.WithToken(newToken).GetAsync("/_api/user")).ShouldFail(401, 11);
        (await Root.DeleteAsync("/_api/user/root")).ShouldFail(403, 11);
    }

    [Fact]
    public async Task User_grants_use_the_same_sub_resources_as_keys()
    {
        var fabric = await fx.CreateFabricAsync();
        var (userId, _, _, token) = await fx.AddUserAsync();
        (await fx.WithToken(token).GetAsync(Paths.Collections(fabric))).ShouldFail(403, 11);
        var granted = (await Root.PutAsync($"/_api/user/{userId}/database/{fabric}", new { grant = "rw" })).ShouldBe(200).Object;
        Assert.Equal("rw", granted.Str($"{fx.Host.Tenant}.{fabric}"));
        (await fx.WithToken(token).GetAsync(Paths.Collections(fabric))).ShouldBe(200);
        var all = (await Root.GetAsync($"/_api/user/{userId}/database")).ShouldBe(200).Result;
        Assert.Equal("rw", all.Str(fabric));
        Assert.Equal("none", all.Str("_system"));
    }
}
