using System.Text.Json;
using PSC8.Client;
using PSC8.Client.Automation;
using PSC8.Engine;
using PSC8.Module.Tests.Infrastructure;

namespace PSC8.Module.Tests.Live;

[Collection(C8LocalCollection.Name)]
public sealed class SessionTests(C8LocalFixture c8)
{
    [Fact]
    public async Task A_connection_becomes_the_default_and_describes_itself_without_secrets()
    {
        var registry = C8SessionRegistry.For(Guid.NewGuid());
        var session = registry.Add(await c8.ConnectRootAsync(), makeDefault: true);
        try
        {
            Assert.Same(session, registry.Default);
            Assert.True(session.IsDefault);
            Assert.Equal("us-west", session.Region);
            Assert.Equal(c8.Host.Tenant, session.Tenant);
            Assert.Equal("Password", session.Authentication);
            Assert.Equal("_system", session.Fabric);
            Assert.True(session.TokenExpires > DateTimeOffset.UtcNow);

            // What ConvertTo-Json and Format-List * see: the public properties.
            var json = JsonSerializer.Serialize(session);
            Assert.DoesNotContain(c8.Host.RootPassword, json, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", json, StringComparison.Ordinal);
            Assert.DoesNotContain(c8.Host.RootPassword, session.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            registry.Close(session);
        }
    }

    [Fact]
    public async Task Connections_to_each_region_work_side_by_side_without_moving_the_default()
    {
        var registry = C8SessionRegistry.For(Guid.NewGuid());
        var global = registry.Add(await c8.ConnectRootAsync(), makeDefault: true);
        var regional = new List<C8Session>();
        foreach (var region in c8.Host.Regions.Skip(1))
        {
            regional.Add(registry.Add(await c8.ConnectRootAsync(region.Url), makeDefault: false));
        }

        Assert.Same(global, registry.Default);
        Assert.Equal(new[] { "eu-central", "ap-south" }, regional.Select(s => s.Region));
        Assert.Equal(3, registry.All.Count);
        Assert.Equal(new[] { 1, 2, 3 }, registry.All.Select(s => s.Id));

        foreach (var session in registry.All)
        {
            registry.Close(session);
        }
    }

    [Fact]
    public async Task Closing_the_default_leaves_no_default_and_closed_connections_are_refused()
    {
        var registry = C8SessionRegistry.For(Guid.NewGuid());
        var first = registry.Add(await c8.ConnectRootAsync(), makeDefault: true);
        var second = registry.Add(await c8.ConnectRootAsync(), makeDefault: false);

        registry.Close(first);

        Assert.Null(registry.Default);
        Assert.False(first.IsOpen);
        var notConnected = Assert.Throws<C8CommandException>(() => registry.Resolve(null));
        Assert.Equal("C8.NotConnected", notConnected.ErrorId);
        Assert.True(notConnected.Terminating);
        Assert.Contains("Connect-C8", notConnected.Message, StringComparison.Ordinal);
        Assert.Equal("C8.ConnectionClosed", Assert.Throws<C8CommandException>(() => registry.Resolve(first)).ErrorId);
        Assert.Same(second, registry.Resolve(second));
        registry.Close(second);
    }

    [Fact]
    public async Task Each_runspace_has_its_own_default()
    {
        var one = C8SessionRegistry.For(Guid.NewGuid());
        var other = C8SessionRegistry.For(Guid.NewGuid());
        var session = one.Add(await c8.ConnectRootAsync(), makeDefault: true);

        Assert.Null(other.Default);
        Assert.Same(session, one.Default);
        one.Close(session);
    }

    [Fact]
    public async Task A_wrong_password_is_a_terminating_security_error()
    {
        var credential = C8Connector.FromUserName(c8.Host.RootEmail, C8LocalFixture.Secure("wrong-password"));

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => C8Connection.ConnectAsync(C8Connector.Options(c8.Host.GlobalUrl.ToString(), credential, null, null)));

        var info = C8ErrorInfo.From(ex);
        Assert.Equal(C8ErrorMapping.Categories.SecurityError, info.Category);
        Assert.Equal("C8.AuthenticationFailed", info.ErrorId);
        Assert.True(info.Terminating);
        Assert.DoesNotContain("wrong-password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_terminating_connection_error()
    {
        var port = FreePort();
        var options = C8Connector.Options("http://127.0.0.1:" + port, c8.RootCredential, null, 5);
        options.Retry = C8RetryPolicy.None;

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => C8Connection.ConnectAsync(options));

        var info = C8ErrorInfo.From(ex);
        Assert.Equal(C8ErrorMapping.Categories.ConnectionError, info.Category);
        Assert.True(info.Terminating);
    }

    [Fact]
    public void A_credential_needs_a_user_name() =>
        Assert.Equal("C8.InvalidCredential", Assert.Throws<C8CommandException>(() => C8Connector.FromUserName(" ", C8LocalFixture.Secure("x"))).ErrorId);

    [Fact]
    public async Task An_api_key_is_returned_once_as_a_SecureString_and_connects()
    {
        using var root = await c8.ConnectRootAsync();
        var keyId = C8LocalFixture.Unique("key");
        var created = new C8NewApiKey(await root.ApiKeys.CreateAsync(keyId));
        try
        {
            var secret = new System.Net.NetworkCredential(string.Empty, created.ApiKey).Password;
            Assert.StartsWith(c8.Host.Tenant + "." + keyId + ".", secret, StringComparison.Ordinal);
            Assert.True(created.ApiKey.IsReadOnly());
            Assert.DoesNotContain(secret, JsonSerializer.Serialize(created), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, created.ToString(), StringComparison.Ordinal);

            // A key with no access yet still connects (Connect-C8 runs before Set-C8AccessLevel in the documented flow).
            var lines = new List<string>();
            using var bridge = new AsyncBridge(lines.Add);
            using var keyed = bridge.Run(token => C8Connection.ConnectAsync(C8Connector.Options(c8.Host.GlobalUrl.ToString(), C8Credential.FromApiKey(created.ApiKey), null, null), token));
            var registry = C8SessionRegistry.For(Guid.NewGuid());
            var session = registry.Add(keyed, makeDefault: true);

            Assert.Equal("ApiKey", session.Authentication);
            Assert.Equal(c8.Host.Tenant, session.Tenant);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.DoesNotContain(secret, line, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, JsonSerializer.Serialize(session), StringComparison.Ordinal);

            await root.Access.SetFabricAccessAsync(Client.Models.C8AccessSubject.ApiKey(keyId), "_system", Client.Models.C8AccessLevel.ReadOnly);
            Assert.NotNull(await keyed.Collections.ListAsync());
        }
        finally
        {
            await root.ApiKeys.DeleteAsync(keyId);
        }
    }

    [Fact]
    public async Task Request_log_lines_reach_the_invocation_and_never_show_the_password()
    {
        var lines = new List<string>();
        using var bridge = new AsyncBridge(lines.Add);

        using var client = bridge.Run(token => C8Connection.ConnectAsync(C8Connector.Options(c8.Host.GlobalUrl.ToString(), c8.RootCredential, null, null), token));
        bridge.Run(token => client.Collections.ListAsync(null, true, false, token));

        Assert.Contains(lines, line => line.Contains("/_api/collection", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain(c8.Host.RootPassword, line, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
