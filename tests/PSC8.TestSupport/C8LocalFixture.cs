using System.Collections.Concurrent;
using System.Security;
using PSC8.Client;
using PSC8.Server.Hosting;

namespace PSC8.TestSupport;

/// <summary>
/// One in-process C8 Local (three regions on free loopback ports, in memory) shared by the test classes of a
/// collection, with a root connection for setting up and checking what a test did.
/// </summary>
public sealed class C8LocalFixture : IAsyncLifetime
{
    private static int _counter;
    private readonly C8LocalOptions _options;
    private C8LocalHost? _host;
    private C8Connection? _root;

    public C8LocalHost Host => _host ?? throw new InvalidOperationException("C8 Local did not start.");

    /// <summary>A password connection as root to the global URL (default fabric _system).</summary>
    public C8Connection Root => _root ?? throw new InvalidOperationException("Not connected.");

    /// <summary>Every log line of connections made through <see cref="ConnectAsync"/>.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public C8Credential RootCredential => C8Credential.FromPassword(Host.RootEmail, Host.RootPassword);

    public C8LocalFixture()
        : this(C8LocalOptions.ForTests())
    {
    }

    private C8LocalFixture(C8LocalOptions options)
    {
        _options = options;
    }

    /// <summary>A fixture for a server with other options (xUnit wants one public constructor).</summary>
    public static C8LocalFixture With(C8LocalOptions options) => new(options);

    public async Task InitializeAsync()
    {
        _host = await C8LocalHost.StartAsync(_options);
        _root = await ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        _root?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public C8ConnectionOptions Options(C8Credential? credential = null, Uri? url = null, ConcurrentQueue<string>? log = null)
    {
        var sink = log ?? Log;
        return new C8ConnectionOptions((url ?? Host.GlobalUrl).ToString(), credential ?? RootCredential)
        {
            Log = sink.Enqueue,
            Retry = new C8RetryPolicy { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(50) },
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Task<C8Connection> ConnectAsync(C8Credential? credential = null, Uri? url = null, ConcurrentQueue<string>? log = null) =>
        C8Connection.ConnectAsync(Options(credential, url, log));

    /// <summary>A name no other test uses: letters, digits and underscores, starting with a letter.</summary>
    public static string Unique(string prefix) =>
        prefix + "_" + Interlocked.Increment(ref _counter) + "_" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>Text as the read-only SecureString PowerShell hands to cmdlets.</summary>
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
}
