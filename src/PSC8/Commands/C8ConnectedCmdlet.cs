using System.Management.Automation;
using PSC8.Client;

namespace PSC8.Commands;

/// <summary>
/// A cmdlet that talks to C8: -Connection picks the connection, the session default otherwise; with neither, the
/// call stops at once with an error that says to run Connect-C8.
/// </summary>
public abstract class C8ConnectedCmdlet : C8Cmdlet
{
    private C8Session? _session;

    /// <summary>The connection to use instead of the session default.</summary>
    [Parameter]
    [ValidateNotNull]
    public C8Session? Connection { get; set; }

    internal C8Session Session => _session ??= Registry.Resolve(Connection);

    internal C8Connection Client => Session.Client;

    protected override void BeginProcessing() => Attempt(Connection, () => _ = Session);
}
