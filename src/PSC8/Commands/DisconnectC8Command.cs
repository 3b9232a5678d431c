namespace PSC8.Commands;

/// <summary>Disconnect-C8: closes connections (the session default unless told otherwise).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "C8", DefaultParameterSetName = ConnectionSet)]
[OutputType(typeof(C8Session))]
public sealed class DisconnectC8Command : C8Cmdlet
{
    private const string ConnectionSet = "Connection";
    private const string AllSet = "All";

    /// <summary>The connections to close; the session default when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ConnectionSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Session[]? Connection { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Attempt(Connection, () =>
    {
        var sessions = All ? Registry.All : Connection ?? new[] { Registry.Resolve(null) };
        foreach (var session in sessions)
        {
            Registry.Close(session);
            Note("Disconnected: " + session);
            if (PassThru)
            {
                WriteObject(session);
            }
        }
    });
}
