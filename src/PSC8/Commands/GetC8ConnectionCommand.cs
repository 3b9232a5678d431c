namespace PSC8.Commands;

/// <summary>Get-C8Connection: the session default connection, the ones given, or all open ones.</summary>
[Cmdlet(VerbsCommon.Get, "C8Connection", DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(C8Session))]
public sealed class GetC8ConnectionCommand : C8Cmdlet
{
    private const string DefaultSet = "Default";
    private const string ConnectionSet = "Connection";
    private const string AllSet = "All";

    /// <summary>Connections to describe (their current state, e.g. whether still open).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ConnectionSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Session[]? Connection { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        // A getter of session state: with no connection it returns nothing rather than an error.
        if (All)
        {
            WriteObject(Registry.All, enumerateCollection: true);
        }
        else if (Connection is not null)
        {
            WriteObject(Connection, enumerateCollection: true);
        }
        else if (Registry.Default is C8Session session)
        {
            WriteObject(session);
        }
    }
}
