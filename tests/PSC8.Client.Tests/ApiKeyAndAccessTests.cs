using System.Security;

namespace PSC8.Client.Tests;

public sealed class ApiKeyAndAccessTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    private readonly List<string> _keys = new();

    public override async Task DisposeAsync()
    {
        foreach (var key in _keys)
        {
            try
            {
                await Root.ApiKeys.DeleteAsync(key);
            }
            catch (C8ApiException)
            {
            }
        }

        await base.DisposeAsync();
    }

    private async Task<C8CreatedApiKey> NewKeyAsync(string prefix)
    {
        var id = C8LocalFixture.Unique(prefix);
        _keys.Add(id);
        return await Root.ApiKeys.CreateAsync(id);
    }

    [Fact]
    public async Task Creates_lists_gets_validates_and_deletes_a_key()
    {
        var created = await NewKeyAsync("key");
        Assert.Equal(Fixture.Host.Tenant, created.Tenant);
        var secret = created.RevealKey();
        Assert.StartsWith(Fixture.Host.Tenant + "." + created.KeyId + ".", secret);
        Assert.DoesNotContain(secret, created.ToString());
        var secure = created.GetSecureKey();
        Assert.Equal(secret.Length, secure.Length);
        Assert.True(secure.IsReadOnly());
        foreach (var property in typeof(C8CreatedApiKey).GetProperties())
        {
            Assert.DoesNotContain(secret, property.GetValue(created)?.ToString() ?? string.Empty);
        }

        Assert.Contains(await Root.ApiKeys.ListAsync(), k => k.KeyId == created.KeyId);
        Assert.Equal(created.KeyId, (await Root.ApiKeys.GetAsync(created.KeyId)).KeyId);

        var validation = await Root.ApiKeys.ValidateAsync(secret);
        Assert.Equal(Fixture.Host.Tenant, validation.Tenant);
        Assert.DoesNotContain(secret, validation.ToString());

        await Root.ApiKeys.DeleteAsync(created.KeyId);
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.ApiKeys.GetAsync(created.KeyId));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(100015, ex.ErrorNum);
        Assert.Equal("C8.ApiKeyNotFound", ex.ErrorId);
        var again = await Assert.ThrowsAsync<C8ApiException>(() => Root.ApiKeys.DeleteAsync(created.KeyId));
        Assert.Equal("C8.ApiKeyNotFound", again.ErrorId);
    }

    [Fact]
    public async Task A_bad_key_id_is_InvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.ApiKeys.CreateAsync("1 not valid!"));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(100020, ex.ErrorNum);
        Assert.Equal("C8.InvalidApiKeyId", ex.ErrorId);
    }

    [Fact]
    public async Task A_new_fabric_grants_a_key_nothing_until_access_is_granted()
    {
        var created = await NewKeyAsync("grant");
        var subject = C8AccessSubject.ApiKey(created.KeyId);
        using var keyConnection = await Fixture.ConnectAsync(created.ToCredential());
        await Root.Collections.CreateAsync(Fabric, "guarded");

        var denied = await Assert.ThrowsAsync<C8ApiException>(() => keyConnection.Collections.ListAsync(Fabric));
        Assert.Equal(403, denied.StatusCode);
        Assert.Equal("C8.AccessDenied", denied.ErrorId);
        Assert.Equal("PermissionDenied", denied.Category);
        Assert.DoesNotContain(created.RevealKey(), denied.ToString());

        Assert.Equal(C8AccessLevel.ReadOnly, await Root.Access.SetFabricAccessAsync(subject, Fabric, C8AccessLevel.ReadOnly));
        Assert.Equal(C8AccessLevel.ReadOnly, await Root.Access.GetFabricAccessAsync(subject, Fabric));
        Assert.Contains(await keyConnection.Collections.ListAsync(Fabric), c => c.Name == "guarded");
        var readOnly = await Assert.ThrowsAsync<C8ApiException>(() => keyConnection.Documents.InsertAsync(Fabric, "guarded", J("{\"a\":1}")));
        Assert.Equal(403, readOnly.StatusCode);

        Assert.Equal(C8AccessLevel.ReadWrite, await Root.Access.SetFabricAccessAsync(subject, Fabric, C8AccessLevel.ReadWrite));
        Assert.Contains(await Root.Access.ListFabricAccessAsync(subject), e => e.Name == Fabric && e.Level == C8AccessLevel.ReadWrite);
        var inserted = await keyConnection.Documents.InsertAsync(Fabric, "guarded", J("{\"a\":1}"));
        Assert.False(string.IsNullOrEmpty(inserted.Key));

        await Root.Access.ClearFabricAccessAsync(subject, Fabric);
        Assert.NotEqual(C8AccessLevel.ReadWrite, await Root.Access.GetFabricAccessAsync(subject, Fabric));
        await Assert.ThrowsAsync<C8ApiException>(() => keyConnection.Collections.ListAsync(Fabric));
    }

    [Fact]
    public async Task Collection_levels_and_the_star_default()
    {
        var created = await NewKeyAsync("coll");
        var subject = C8AccessSubject.ApiKey(created.KeyId);
        await Root.Collections.CreateAsync(Fabric, "open");
        await Root.Collections.CreateAsync(Fabric, "closed");
        await Root.Access.SetFabricAccessAsync(subject, Fabric, C8AccessLevel.ReadWrite);

        Assert.Equal(C8AccessLevel.ReadOnly, await Root.Access.SetCollectionAccessAsync(subject, Fabric, "*", C8AccessLevel.ReadOnly));
        Assert.Equal(C8AccessLevel.ReadOnly, await Root.Access.GetCollectionAccessAsync(subject, Fabric, "*"));
        Assert.Equal(C8AccessLevel.ReadWrite, await Root.Access.SetCollectionAccessAsync(subject, Fabric, "open", C8AccessLevel.ReadWrite));
        Assert.Equal(C8AccessLevel.None, await Root.Access.SetCollectionAccessAsync(subject, Fabric, "closed", C8AccessLevel.None));
        Assert.Equal(C8AccessLevel.ReadWrite, await Root.Access.GetCollectionAccessAsync(subject, Fabric, "open"));

        var entries = await Root.Access.ListCollectionAccessAsync(subject, Fabric);
        Assert.Contains(entries, e => e.Name == "open" && e.Level == C8AccessLevel.ReadWrite);
        Assert.Contains(entries, e => e.Name == "closed" && e.Level == C8AccessLevel.None);

        using var keyConnection = await Fixture.ConnectAsync(created.ToCredential());
        await keyConnection.Documents.InsertAsync(Fabric, "open", J("{\"a\":1}"));
        var closed = await Assert.ThrowsAsync<C8ApiException>(() => keyConnection.Documents.InsertAsync(Fabric, "closed", J("{\"a\":1}")));
        Assert.Equal(403, closed.StatusCode);

        await Root.Access.ClearCollectionAccessAsync(subject, Fabric, "closed");
        Assert.Equal(C8AccessLevel.ReadOnly, await Root.Access.GetCollectionAccessAsync(subject, Fabric, "closed"));
    }

    [Fact]
    public async Task User_access_and_unknown_subjects()
    {
        var root = C8AccessSubject.User("root");
        Assert.Equal(C8AccessLevel.ReadWrite, await Root.Access.GetFabricAccessAsync(root, "_system"));

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Access.GetFabricAccessAsync(C8AccessSubject.ApiKey("no_such_key_" + Guid.NewGuid().ToString("N")[..6]), Fabric));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("C8.ApiKeyNotFound", ex.ErrorId);
    }

    [Fact]
    public async Task Users_probe_lists_the_tenant()
    {
        var users = await Root.Users.ListAsync();
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Equal(Fixture.Host.Tenant, u.Tenant));
    }
}
