using System.Security;
using PSC8.Client;
using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>One in-process C8 Local (three regions on free loopback ports) shared by the tests that need a server.</summary>
public sealed class C8LocalFixture : IAsyncLifetime
{
    private C8LocalHost? _host;

    public C8LocalHost Host => _host ?? throw new InvalidOperationException("C8 Local is not running.");

    public async Task InitializeAsync() => _host = await C8LocalHost.StartAsync(C8LocalOptions.ForTests());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Root's credential the way Connect-C8 -Credential builds it.</summary>
    internal C8Credential RootCredential => C8Connector.FromUserName(Host.RootEmail, Secure(Host.RootPassword));

    /// <summary>A root connection opened the way Connect-C8 opens it.</summary>
    internal Task<C8Connection> ConnectRootAsync(Uri? url = null, string? fabric = null) =>
        C8Connection.ConnectAsync(C8Connector.Options((url ?? Host.GlobalUrl).ToString(), RootCredential, fabric, null));

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>A name no other test (or earlier run) uses.</summary>
    public static string Unique(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..10];
}

[CollectionDefinition(Name)]
public sealed class C8LocalCollection : ICollectionFixture<C8LocalFixture>
{
    public const string Name = "C8 Local";
}
