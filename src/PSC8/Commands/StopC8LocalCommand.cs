namespace PSC8.Commands;

/// <summary>Stop-C8Local: stops C8 Local servers that Start-C8Local started, cleanly, and waits until they have ended.</summary>
[Cmdlet(VerbsLifecycle.Stop, "C8Local", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class StopC8LocalCommand : C8Cmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8LocalServer[] Server { get; set; } = Array.Empty<C8LocalServer>();

    /// <summary>How long a server may take to stop before it is killed.</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    protected override void ProcessRecord()
    {
        foreach (var server in Server)
        {
            if (server.HasExited || !ShouldProcess(server.ToString(), "Stop C8 Local"))
            {
                continue;
            }

            if (!server.Process.Stop(TimeSpan.FromSeconds(TimeoutSec)))
            {
                WriteWarning("C8 Local (process " + server.ProcessId + ") did not stop within " + TimeoutSec + " s and was killed.");
            }

            Note("C8 Local (process " + server.ProcessId + ") stopped with exit code " + server.ExitCode + ".");
        }
    }
}
