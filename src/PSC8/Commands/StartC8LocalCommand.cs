using System.Globalization;
using PSC8.Local;

namespace PSC8.Commands;

/// <summary>
/// Start-C8Local: starts C8 Local (c8local) as a child process, waits until every region accepts requests and returns
/// its URLs and root credential. The module itself carries no server: it runs the c8local it finds (see
/// <see cref="C8LocalExecutable"/>).
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "C8Local", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(C8LocalServer))]
public sealed class StartC8LocalCommand : C8Cmdlet
{
    /// <summary>The regions' names; c8local's three (us-west, eu-central, ap-south) when omitted.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? Region { get; set; }

    /// <summary>Region i listens on 127.0.0.1 at Port+i; 0 (the default) picks free ports.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Keep the data in this folder (SQLite); in memory, gone at exit, when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DataPath { get; set; }

    /// <summary>A PEM certificate: every region serves HTTPS (with -TlsKeyPath).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TlsCertificatePath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TlsKeyPath { get; set; }

    /// <summary>How late writes to ordinary collections reach the other regions.</summary>
    [Parameter]
    public TimeSpan? ReplicationDelay { get; set; }

    /// <summary>One-way latency of a request forwarded to a fabric's spot region.</summary>
    [Parameter]
    public TimeSpan? LinkLatency { get; set; }

    /// <summary>The root user's email and password; root@c8.local with a generated password when omitted.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The c8local executable or c8local.dll to run.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>More c8local options, passed as given (c8local --help lists them).</summary>
    [Parameter]
    [ValidateNotNull]
    public string[] ArgumentList { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 60;

    protected override void ProcessRecord() => Attempt(Path, terminating: true, () =>
    {
        var moduleFolder = System.IO.Path.GetDirectoryName(typeof(StartC8LocalCommand).Assembly.Location) ?? SessionState.Path.CurrentFileSystemLocation.Path;
        var executable = C8LocalExecutable.Find(Resolve(Path), moduleFolder);
        var dataPath = Resolve(DataPath);
        if (!ShouldProcess(executable.Location, "Start C8 Local" + (dataPath is null ? " in memory" : " on " + dataPath)))
        {
            return;
        }

        var credential = Credential ?? new PSCredential("root@c8.local", GeneratedPassword());
        var arguments = Arguments(credential.UserName, dataPath);
        Note("Starting " + executable.Location + " " + ProcessArguments.Join(arguments));
        var process = C8LocalProcess.Start(executable, arguments, credential.GetNetworkCredential().Password);
        try
        {
            var regions = Await(token => process.WaitUntilReadyAsync(TimeSpan.FromSeconds(TimeoutSec), token));
            var server = new C8LocalServer(process, regions, credential, executable.Location, dataPath);
            Note("Ready: " + server);
            WriteObject(server);
        }
        catch
        {
            process.Stop(TimeSpan.Zero);
            process.Dispose();
            throw;
        }
    });

    private List<string> Arguments(string rootEmail, string? dataPath)
    {
        var arguments = new List<string> { "--port", Port.ToString(CultureInfo.InvariantCulture), "--root-email", rootEmail };
        if (Region is not null)
        {
            arguments.Add("--regions");
            arguments.Add(string.Join(",", Region));
        }

        arguments.AddRange(dataPath is null ? new[] { "--in-memory" } : new[] { "--data", dataPath });
        Add(arguments, "--tls-cert", Resolve(TlsCertificatePath));
        Add(arguments, "--tls-key", Resolve(TlsKeyPath));
        Add(arguments, "--replication-delay", Milliseconds(ReplicationDelay));
        Add(arguments, "--link-latency", Milliseconds(LinkLatency));
        arguments.AddRange(ArgumentList);
        return arguments;
    }

    private static void Add(List<string> arguments, string option, string? value)
    {
        if (value is not null)
        {
            arguments.Add(option);
            arguments.Add(value);
        }
    }

    private static string? Milliseconds(TimeSpan? span) =>
        span is TimeSpan value ? ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms" : null;

    // Paths are relative to PowerShell's current location, not the process's working directory.
    private string? Resolve(string? path) => path is null ? null : GetUnresolvedProviderPathFromPSPath(path);

    // A throwaway password for a server that listens on loopback only; it reaches c8local through its environment.
    private static System.Security.SecureString GeneratedPassword()
    {
        var password = new System.Security.SecureString();
        foreach (var c in "pw-" + Guid.NewGuid().ToString("N"))
        {
            password.AppendChar(c);
        }

        password.MakeReadOnly();
        return password;
    }
}
